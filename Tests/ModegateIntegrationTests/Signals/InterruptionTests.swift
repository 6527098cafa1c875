import Foundation
import ModegateCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C (SIGINT) and SIGTERM (how CI runners cancel) while the work waits on something slow:
/// a model request in flight (a loopback model server that answers after two minutes) or a
/// tool call in flight (an MCP server whose tool never returns), in the tool-calling arm
/// (`run`) and in the Code Mode arm (`bench --strategy codemode`, a program waiting on the
/// call). The binary must exit 4, keep the trials that finished, say how to resume, and leave
/// no child process (MCP server, sandbox worker) behind. How soon it exits (DESIGN: under 2 s)
/// is a speed target, so it is WaitBenchmark's figure, not a bound here.
@Suite(.serialized) struct InterruptionTests {
    enum Target: String, Sendable { case model, tool }

    struct Scenario: Sendable, CustomTestStringConvertible {
        var signal: Int32
        var target: Target
        var strategy: String
        var testDescription: String { "\(signal == SIGINT ? "SIGINT" : "SIGTERM") during a \(target) call (\(strategy))" }
    }

    static let scenarios = [
        Scenario(signal: SIGINT, target: .model, strategy: "tool_call"),
        Scenario(signal: SIGTERM, target: .model, strategy: "codemode"),
        Scenario(signal: SIGTERM, target: .tool, strategy: "tool_call"),
        Scenario(signal: SIGINT, target: .tool, strategy: "codemode"),
    ]

    @Test(arguments: scenarios)
    func aSignalStopsTheWorkAtOnce(_ scenario: Scenario) async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        var server: BackgroundServer?
        defer { server?.stop() }
        let gate: String
        switch scenario.target {
        case .model:
            guard let (edge, port) = try await ModelServers.edge() else { return }
            server = edge
            _ = try workdir.write("fake_add.yaml", ModelServers.preset.replacingOccurrences(of: "cases:\n", with: """
                cases:
                  - id: add-first
                    prompt: 'Add 1 and 2 with the add tool. Answer {"sum": NUMBER}.'
                    answer_schema: {type: object, required: [sum], properties: {sum: {type: number}}}
                    expected: {sum: 3}
                    scorer: exact
                    reference: 'const r = await tools.add({a: 1, b: 2}); return {sum: r.sum};'

                """))
            // The first request is answered (its trial finishes), the second hangs.
            gate = try workdir.write("gate.yaml", """
                version: 1
                workload: {presets: [fake_add.yaml], repetitions: 1, concurrency: 1}
                model: {provider: openai, name: edge-model, base_url: "http://127.0.0.1:\(port)/firstthenhang/v1", api_key_env: MODEGATE_TEST_KEY, max_retries: 3, timeout_seconds: 300}
                reports: []
                """)
        case .tool:
            _ = try workdir.write("hang.yaml", """
                preset: hang
                description: A quick call, then one that never returns.
                suite: {mcp: hostile}
                cases:
                  - id: echo
                    prompt: Echo hi.
                    answer_schema: {}
                    expected: hi
                    scorer: exact
                    reference: 'return await tools.echo({text: "hi"});'
                  - id: hang
                    prompt: Wait.
                    answer_schema: {}
                    expected: never
                    scorer: exact
                    reference: 'return await tools.hang({});'
                """)
            gate = try workdir.write("gate.yaml", """
                version: 1
                workload: {presets: [hang.yaml], repetitions: 1, concurrency: 1}
                mcp:
                  enabled: true
                  servers:
                    hostile: {command: [\(python), \(TestPeers.script("hostile_server.py"))], timeout_seconds: 300}
                judgement: {mode: point}
                reports: []
                """)
        }
        let arguments = scenario.strategy == "tool_call"
            ? ["run", gate]
            : ["bench", "--gate", gate, "--preset", scenario.target == .model ? "fake_add.yaml" : "hang.yaml", "--strategy", "codemode"]
        let run = try RunningModegate(arguments, in: workdir, environment: ["MODEGATE_TEST_KEY": ModelServers.key])
        defer { run.kill() }
        // Wait until the second trial is waiting: the model server saw its second request, or
        // the MCP server its hung call (it says so on stderr, which the run keeps).
        let modelServer = server
        let waiting = try await Poll.until(seconds: 90) {
            guard run.process.isRunning else { return true }
            switch scenario.target {
            case .model: return modelServer?.output.contains("request firstthenhang 2") == true
            case .tool: return Self.serverLogs(workdir).contains("hang: called")
            }
        }
        #expect(waiting, "the slow call never started: \(run.errors)")
        let finished = try await run.signal(scenario.signal)
        #expect(finished.status == 4, "\(finished.errors)")
        // `bench` has no --resume; it says where the finished trials are.
        #expect(finished.errors.contains(scenario.strategy == "tool_call" ? "--resume" : "stopped early (interrupted)"), "\(finished.errors)")
        #expect(try await Poll.until(seconds: 5) { Self.children(of: workdir).isEmpty },
                "left running: \(Self.children(of: workdir))")
        let kept = try workdir.records().values.flatMap { $0 }
        #expect(kept.count == 1, "\(kept.map(\.jsonText))")
        #expect(kept.first?["error"]?["category"] != "cancelled")
    }

    /// A second signal does not wait for anything: the process and its children are gone at once.
    @Test func aSecondSignalExitsImmediately() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        // A server that ignores SIGTERM keeps a graceful stop waiting; the second signal must not.
        let stubborn = try workdir.write("stubborn.sh", """
            #!/bin/sh
            trap '' TERM
            exec \(python) \(TestPeers.script("hostile_server.py"))
            """)
        chmod(stubborn, 0o755)
        _ = try workdir.write("hang.yaml", """
            preset: hang
            description: A call that never returns.
            suite: {mcp: hostile}
            cases:
              - {id: hang, prompt: Wait., answer_schema: {}, expected: never, scorer: exact, reference: "return await tools.hang({});"}
            """)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [hang.yaml], repetitions: 1}
            mcp: {enabled: true, servers: {hostile: {command: [\(stubborn)], timeout_seconds: 300}}}
            reports: []
            """)
        // A long grace, so the second signal comes before the first one's grace runs out however
        // loaded the machine is.
        let run = try RunningModegate(["run", gate], in: workdir, environment: ["MODEGATE_SIGNAL_GRACE_SECONDS": "60"])
        defer { run.kill() }
        #expect(try await Poll.until(seconds: 90) { Self.serverLogs(workdir).contains("hang: called") }, "\(run.errors)")
        kill(run.pid, SIGINT)
        // Two signals sent at once merge into one; the second must come after the first was seen.
        #expect(try await Poll.until(seconds: 5) { run.errors.contains("stopping the trials in flight") }, "\(run.errors)")
        let finished = try await run.signal(SIGINT)
        #expect(finished.status == 4, "\(finished.errors)")
        #expect(finished.errors.contains("again: exiting now"), "\(finished.errors)")
        #expect(try await Poll.until(seconds: 5) { Self.children(of: workdir).isEmpty },
                "left running: \(Self.children(of: workdir))")
    }

    /// Every MCP server log of the run folders.
    static func serverLogs(_ workdir: Workdir) -> String {
        let runs = workdir.url.appendingPathComponent(".modegate/runs")
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
        return folders.compactMap {
            try? String(contentsOf: runs.appendingPathComponent("\($0)/mcp-hostile.stderr.log"), encoding: .utf8)
        }.joined()
    }

    /// Live processes started for this workdir's run (they inherit its MODEGATE_HOME), by pid and
    /// command line; zombies do not count.
    static func children(of workdir: Workdir) -> [String] {
        let marker = Data("MODEGATE_HOME=\(workdir.url.appendingPathComponent(".modegate").path)\0".utf8)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry in
            guard Int(entry) != nil,
                let environment = FileManager.default.contents(atPath: "/proc/\(entry)/environ"), environment.range(of: marker) != nil,
                let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8), !status.contains("State:\tZ")
            else { return nil }
            let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") ?? Data()
            return "\(entry): \(String(decoding: command, as: UTF8.self).replacingOccurrences(of: "\0", with: " "))"
        }
    }
}

/// The built binary running in the background in a workdir, its stderr in a file.
final class RunningModegate: @unchecked Sendable {
    let process = Process()
    private let log: URL

    init(_ arguments: [String], in workdir: Workdir, environment extra: [String: String] = [:]) throws {
        log = workdir.url.appendingPathComponent("modegate-\(UUID().uuidString).stderr")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = URL(fileURLWithPath: TestPeers.modegate)
        process.arguments = arguments
        process.currentDirectoryURL = workdir.url
        process.environment = ProcessInfo.processInfo.environment
            .merging(["MODEGATE_HOME": workdir.url.appendingPathComponent(".modegate").path]) { $1 }.merging(extra) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
    }

    var pid: Int32 { process.processIdentifier }
    var errors: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Sends `number` and waits (off the concurrency pool) for the exit: its status and stderr.
    func signal(_ number: Int32) async throws -> (status: Int32, errors: String) {
        Glibc.kill(pid, number)
        try await TestPeers.offPool { [process] in
            // A bound, so a run that ignores the signal fails the test instead of hanging it.
            let deadline = Date().addingTimeInterval(30)
            while process.isRunning && Date() < deadline { usleep(5_000) }
        }
        return (process.isRunning ? -1 : process.terminationStatus, errors)
    }

    func kill() { if process.isRunning { Glibc.kill(pid, SIGKILL) } }
}
