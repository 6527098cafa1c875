import Foundation
import ModegateCore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A crashed MCP server is started again for the next trial (issue 11, point 4), through the
/// built binary in both arms with the scripted model: `chaos_server.py` answers `echo` and exits
/// on `crash_now`. The trial that was using the server fails as an `mcp` error, the healthy
/// trials after it complete, the restarts are counted in each run's summary and named in the
/// verdict's warnings, and the server's stderr log keeps every start, a marker line between them.
@Suite struct MCPRestartTests {
    /// Four cases; the second kills the server.
    static let preset = """
        preset: chaos
        description: Healthy calls, and one that kills the server.
        suite: {mcp: chaos}
        # In a program a tool's answer is its structured content ({result: …}); the tool-calling
        # arm's replay hands the program the text; the references read either.
        cases:
          - {id: a-echo, prompt: Echo one., answer_schema: {}, expected: {echoed: one}, scorer: exact, reference: 'const r = await tools.echo({text: "one"}); return {echoed: r.result ?? r};'}
          - {id: b-crash, prompt: Crash the server., answer_schema: {}, expected: {result: never}, scorer: exact, reference: 'return await tools.crash_now({});'}
          - {id: c-echo, prompt: Echo three., answer_schema: {}, expected: {echoed: three}, scorer: exact, reference: 'const r = await tools.echo({text: "three"}); return {echoed: r.result ?? r};'}
          - {id: d-echo, prompt: Echo four., answer_schema: {}, expected: {echoed: four}, scorer: exact, reference: 'const r = await tools.echo({text: "four"}); return {echoed: r.result ?? r};'}
        """

    /// A gate over the chaos preset: one trial at a time, so the order of events is fixed; the
    /// error-rate gate allows the one crashed trial per arm, so the verdict passes.
    static func gate(_ workdir: Workdir, server: String) throws -> String {
        _ = try workdir.write("chaos.yaml", preset)
        return try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [chaos.yaml], repetitions: 1, concurrency: 1}
            mcp:
              enabled: true
              servers:
                chaos: \(server)
            thresholds: {max_error_rate: 0.5}
            judgement: {mode: point}
            reports: [{format: json, path: verdict.json}]
            """)
    }

    @Test func aCrashedStdioServerIsStartedAgainForTheNextTrialInBothArms() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let gate = try Self.gate(workdir, server: "{command: [\(python), \(TestPeers.script("chaos_server.py"))], timeout_seconds: 20}")
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        try Self.expectRestartedOncePerArm(workdir, crash: "exited with status 3")

        // Each arm has a server of its own (issue 22), whose starts' stderr is kept in that arm's
        // folder, a marker before the restart.
        for folder in try workdir.runFolders() {
            let log = try String(contentsOf: folder.appendingPathComponent("mcp-chaos.stderr.log"), encoding: .utf8)
            let lines = log.split(separator: "\n").map(String.init)
            let markers = lines.filter { $0.hasPrefix("--- modegate: ") }
            #expect(markers.count == 1, "\(log)")
            #expect(markers.first?.hasPrefix("--- modegate: restart 1 of 'chaos' at 20") == true, "\(log)")
            #expect(markers.first?.hasSuffix(", after a crash ---") == true, "\(log)")
            #expect(lines.filter { $0.hasPrefix("chaos: start") }.count == 2, "\(log)")
            // Start, crash, marker, start: the marker sits between the starts.
            let order = lines.compactMap { line -> String? in
                if line.hasPrefix("--- modegate:") { return "marker" }
                if line.hasPrefix("chaos: start") { return "start" }
                if line.hasPrefix("chaos: crash_now") { return "crash" }
                return nil
            }
            #expect(order == ["start", "crash", "marker", "start"], "\(folder.lastPathComponent): \(log)")
        }
    }

    /// The records, summaries and verdict of a run where the server died once in each arm.
    static func expectRestartedOncePerArm(_ workdir: Workdir, crash: String) throws {
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 4, "\(arm): \(trials.map(\.jsonText))")
            func trial(_ id: String) -> JSONValue? { trials.first { $0["case_id"] == .string(id) } }
            #expect(trial("a-echo")?["completed"] == true && trial("a-echo")?["reward"] == 1, "\(arm)")
            #expect(trial("b-crash")?["error"]?["category"] == "mcp", "\(arm): \(trial("b-crash") ?? nil)")
            #expect(trial("b-crash")?["error"]?["message"]?.stringValue?.contains(crash) == true, "\(arm): \(trial("b-crash") ?? nil)")
            for id in ["c-echo", "d-echo"] {
                #expect(trial(id)?["completed"] == true && trial(id)?["reward"] == 1, "\(arm) \(id): \(trial(id) ?? nil)")
            }
            // The restart is counted with the trial that found the server dead and started it.
            #expect(trial("c-echo")?["mcp_restarts"] == ["chaos": 1], "\(arm)")
            #expect(trials.filter { $0["mcp_restarts"] != nil }.count == 1, "\(arm)")
        }
        for folder in try workdir.runFolders() {
            let summary = try JSONValue.parse(String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8))
            #expect(summary["mcp_restarts"] == ["chaos": 1], "\(folder.lastPathComponent): \(summary["mcp_restarts"] ?? nil)")
            #expect(summary["cancelled"] == false)
        }
        let verdict = try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent("verdict.json"), encoding: .utf8))
        let warnings = verdict["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains {
            $0.hasPrefix("MCP server 'chaos' crashed (or dropped its connection) and was restarted 2 times (baseline 1, candidate 1)")
        }, "\(warnings)")
    }

    @Test func aServerThatDiesAtStartUpThreeTimesInARowStopsTheRunWithExit4() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        // The first two starts serve (one server per arm, the baseline's first); every later one
        // exits during start-up.
        let starts = workdir.url.appendingPathComponent("starts.txt").path
        let gate = try Self.gate(workdir, server: """
            {command: [\(python), \(TestPeers.script("chaos_server.py")), --starts-file, \(starts), --live-starts, '2'], timeout_seconds: 20}
            """)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 4, "\(run.errors.suffix(2000))")
        let baseline = try #require(try workdir.runFolders().first { $0.lastPathComponent.hasSuffix("-baseline") })
        let logPath = baseline.appendingPathComponent("mcp-chaos.stderr.log").path
        let message = run.errors.split(separator: "\n").first { $0.hasPrefix("modegate: error:") }.map(String.init) ?? ""
        #expect(message.contains("MCP server 'chaos' failed to start 3 times in a row"), "\(run.errors.suffix(2000))")
        #expect(message.contains("exited with status 5 during initialize"), "\(message)")
        #expect(message.contains(logPath), "\(message)")
        #expect(message.contains("--resume"), "\(message)")
        // One start that served, then three that died, each after a marker.
        let log = try String(contentsOf: URL(fileURLWithPath: logPath), encoding: .utf8)
        #expect(log.components(separatedBy: "is past --live-starts 2").count - 1 == 3, "\(log)")
        #expect(log.contains("--- modegate: restart 1 of 'chaos' at 20"), "\(log)")
        #expect(log.contains("(after 2 failed starts) ---"), "\(log)")
        // The trials before the crash are kept; the one that could not get a server is not, so
        // --resume plays it again; nothing of the candidate ran.
        let records = try workdir.records()
        #expect(records["baseline"]?.compactMap { $0["case_id"]?.stringValue } == ["a-echo", "b-crash"], "\(records)")
        #expect(records["candidate"]?.isEmpty ?? true)
        let summary = try JSONValue.parse(String(contentsOf: baseline.appendingPathComponent("summary.json"), encoding: .utf8))
        #expect(summary["cancelled"] == true)
        #expect(summary["cancel_reason"]?.stringValue?.contains("failed to start 3 times in a row") == true)
        #expect(try await Poll.until(seconds: 5) { InterruptionTests.children(of: workdir).isEmpty },
                "left running: \(InterruptionTests.children(of: workdir))")
    }

    @Test func aServerThatNeverStartsIsTriedThreeTimesBeforeAnyTrial() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let starts = workdir.url.appendingPathComponent("starts.txt").path
        let gate = try Self.gate(workdir, server: """
            {command: [\(python), \(TestPeers.script("chaos_server.py")), --starts-file, \(starts), --live-starts, '0'], timeout_seconds: 20}
            """)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 4, "\(run.errors.suffix(2000))")
        let baseline = try #require(try workdir.runFolders().first { $0.lastPathComponent.hasSuffix("-baseline") })
        let logPath = baseline.appendingPathComponent("mcp-chaos.stderr.log").path
        #expect(run.errors.contains("modegate: error: MCP server 'chaos' failed to start 3 times in a row; the last time: "
                                    + "the server exited with status 5 during initialize (its stderr: \(logPath))"), "\(run.errors.suffix(2000))")
        let log = try String(contentsOf: URL(fileURLWithPath: logPath), encoding: .utf8)
        #expect(log.components(separatedBy: "is past --live-starts 0").count - 1 == 3, "\(log)")
        #expect(log.contains("--- modegate: start of 'chaos' at 20") && log.contains("(after 2 failed starts) ---"), "\(log)")
        #expect(try workdir.records().values.allSatisfy(\.isEmpty))
    }

    /// A streamable HTTP server that goes away mid-call (the connection breaks off) fails that
    /// trial; the next trial reconnects with a new `initialize`, hence a new session (the old
    /// session id means nothing to the new process). The test keeps the server coming back on the
    /// same port, as a supervisor (systemd, a container runtime) would.
    @Test func anHTTPServerThatDropsItsConnectionIsReconnectedForTheNextTrial() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let port = TestPeers.freePort()
        let server = RespawningServer([python, TestPeers.script("chaos_server.py"), "--http", String(port)])
        defer { server.stop() }
        #expect(try await Poll.until(seconds: 60) { TestPeers.accepts(port) }, "\(server.output)")
        let gate = try Self.gate(workdir, server: "{url: 'http://127.0.0.1:\(port)/mcp', timeout_seconds: 20}")
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))\n\(server.output.suffix(2000))")
        try Self.expectRestartedOncePerArm(workdir, crash: "127.0.0.1:\(port)/mcp")
        // The first process and one per crash.
        #expect(server.starts == 3, "\(server.output.suffix(2000))")
    }

    /// A URL that stays away after a crash is tried six times over 30 s (a supervisor's time to
    /// bring it back), then the run stops.
    @Test func anHTTPServerThatStaysAwayStopsTheRunAfterSixTries() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let port = TestPeers.freePort()
        let server = RespawningServer([python, TestPeers.script("chaos_server.py"), "--http", String(port)], respawn: false)
        defer { server.stop() }
        #expect(try await Poll.until(seconds: 60) { TestPeers.accepts(port) }, "\(server.output)")
        let gate = try Self.gate(workdir, server: "{url: 'http://127.0.0.1:\(port)/mcp', timeout_seconds: 20}")
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 4, "\(run.errors.suffix(2000))")
        #expect(run.errors.contains("modegate: error: MCP server 'chaos' failed to start 6 times in a row after it went away"),
                "\(run.errors.suffix(2000))")
        #expect(run.errors.contains("cannot reach http://127.0.0.1:\(port)/mcp"), "\(run.errors.suffix(2000))")
        #expect(try workdir.records()["baseline"]?.count == 2)
    }

    /// Ctrl-C is not a crash: a trial interrupted while it waits on the server starts nothing
    /// again, and the run stops as interrupted (exit 4, resumable), not as a server failure.
    @Test func anInterruptedRunRestartsNothing() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        _ = try workdir.write("hang.yaml", """
            preset: hang
            description: A quick call, then one that never returns.
            suite: {mcp: chaos}
            cases:
              - {id: a-echo, prompt: Echo one., answer_schema: {}, expected: {echoed: one}, scorer: exact, reference: 'const r = await tools.echo({text: "one"}); return {echoed: r.result ?? r};'}
              - {id: b-hang, prompt: Wait., answer_schema: {}, expected: never, scorer: exact, reference: 'return await tools.hang({});'}
            """)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [hang.yaml], repetitions: 1, concurrency: 1}
            mcp: {enabled: true, servers: {chaos: {command: [\(python), \(TestPeers.script("chaos_server.py"))], timeout_seconds: 300}}}
            reports: []
            """)
        let run = try RunningModegate(["run", gate], in: workdir)
        defer { run.kill() }
        @Sendable func log() -> String {
            let folder = (try? workdir.runFolders())?.first { $0.lastPathComponent.hasSuffix("-baseline") }
            return folder.flatMap { try? String(contentsOf: $0.appendingPathComponent("mcp-chaos.stderr.log"), encoding: .utf8) } ?? ""
        }
        #expect(try await Poll.until(seconds: 90) { !run.process.isRunning || log().contains("chaos: hang called") }, "\(run.errors)")
        let finished = try await run.signal(SIGINT)
        #expect(finished.status == 4, "\(finished.errors)")
        #expect(finished.errors.contains("--resume"), "\(finished.errors)")
        #expect(!finished.errors.contains("failed to start"), "\(finished.errors)")
        #expect(try await Poll.until(seconds: 5) { InterruptionTests.children(of: workdir).isEmpty },
                "left running: \(InterruptionTests.children(of: workdir))")
        #expect(!log().contains("--- modegate:"), "\(log())")
        #expect(log().components(separatedBy: "chaos: start").count - 1 == 1, "\(log())")
        for folder in try workdir.runFolders() {
            let text = try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
            #expect(!text.contains("mcp_restarts"), "\(folder.lastPathComponent)")
        }
    }
}

/// A server process the test starts again whenever it exits (a supervisor), on a thread of its
/// own; `stop()` ends the supervision and kills the current process.
final class RespawningServer: @unchecked Sendable {
    private let command: [String]
    private let respawn: Bool
    private let lock = NSLock()
    private var current: Process?
    private var stopped = false
    private var startCount = 0
    private let log = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-respawn-\(UUID().uuidString).log")

    init(_ command: [String], respawn: Bool = true) {
        self.command = command
        self.respawn = respawn
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let thread = Thread { [self] in supervise() }
        thread.name = "respawning-server"
        thread.start()
    }

    var starts: Int { lock.withLock { startCount } }
    var output: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    private func supervise() {
        while true {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: command[0])
            process.arguments = Array(command.dropFirst())
            process.standardInput = FileHandle.nullDevice
            if let handle = try? FileHandle(forWritingTo: log) {
                handle.seekToEndOfFile()
                process.standardOutput = handle
                process.standardError = handle
            }
            let started: Bool = lock.withLock {
                guard !stopped, (try? process.run()) != nil else { return false }
                current = process
                startCount += 1
                return true
            }
            guard started else { return }
            process.waitUntilExit()
            guard respawn, !lock.withLock({ stopped }) else { return }
        }
    }

    func stop() {
        lock.withLock {
            stopped = true
            if let current, current.isRunning { kill(current.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: log)
    }

    deinit { stop() }
}
