import Foundation
import ModegateCore
import Testing

/// Whole gate runs through the built binary whose tools cross real MCP transports.
@Suite struct MCPGateRunTests {
    /// A scratch working directory that sees the repository's presets and test environment.
    final class Workdir: @unchecked Sendable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-mcp-run-\(UUID().uuidString)")

        init() throws {
            let manager = FileManager.default
            try manager.createDirectory(at: url.appendingPathComponent(".modegate"), withIntermediateDirectories: true)
            try manager.createSymbolicLink(at: url.appendingPathComponent("presets"), withDestinationURL: MCPPeers.repository.appendingPathComponent("presets"))
            try manager.createSymbolicLink(at: url.appendingPathComponent(".venv"), withDestinationURL: MCPPeers.repository.appendingPathComponent(".venv"))
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ name: String, _ text: String) throws -> String {
            let path = url.appendingPathComponent(name)
            try text.write(to: path, atomically: true, encoding: .utf8)
            return path.path
        }

        /// Runs `modegate ARGS` here; returns the exit status and stderr.
        func modegate(_ arguments: [String]) throws -> (status: Int32, errors: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: MCPPeers.modegate)
            process.arguments = arguments
            process.currentDirectoryURL = url
            var environment = ProcessInfo.processInfo.environment
            environment["MODEGATE_HOME"] = url.appendingPathComponent(".modegate").path
            process.environment = environment
            let errors = Pipe()
            process.standardError = errors
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return (process.terminationStatus, text)
        }

        /// Every trial record of the newest gate run, by arm.
        func records() throws -> [String: [JSONValue]] {
            let runs = url.appendingPathComponent(".modegate/runs")
            var result: [String: [JSONValue]] = [:]
            for folder in try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted() {
                let lines = try String(contentsOf: runs.appendingPathComponent(folder).appendingPathComponent("results.jsonl"), encoding: .utf8)
                let arm = folder.hasSuffix("-baseline") ? "baseline" : "candidate"
                result[arm] = try lines.split(separator: "\n").map { try JSONValue.parse(String($0)) }
            }
            return result
        }
    }

    @Test func theGitExampleGatePassesOverTheOfficialGitServer() throws {
        guard MCPPeers.program("mcp-server-git") != nil else { return }
        let workdir = try Workdir()
        let fixture = Process()
        fixture.executableURL = MCPPeers.repository.appendingPathComponent("presets/examples/git-fixture.sh")
        fixture.arguments = [workdir.url.appendingPathComponent(".modegate/git-fixture").path]
        try fixture.run()
        fixture.waitUntilExit()
        #expect(fixture.terminationStatus == 0)
        let gate = MCPPeers.repository.appendingPathComponent("gates/examples/mcp-git.yaml").path
        let run = try workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 12)
            #expect(trials.allSatisfy { $0["completed"] == true && $0["reward"] == 1 }, "\(trials.filter { $0["reward"] != 1 }.first ?? nil)")
            #expect(trials.allSatisfy { ($0["mcp_tool_calls"]?.intValue ?? 0) > 0 && $0["mcp_tool_calls"] == $0["tool_calls"] })
        }
        let runs = try FileManager.default.contentsOfDirectory(atPath: workdir.url.appendingPathComponent(".modegate/runs").path)
        let baseline = try #require(runs.first { $0.hasSuffix("-baseline") })
        #expect(FileManager.default.fileExists(
            atPath: workdir.url.appendingPathComponent(".modegate/runs/\(baseline)/mcp-git.stderr.log").path))
    }

    @Test func builtInPresetsCrossMCPWithTheStdioTransport() throws {
        let workdir = try Workdir()
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [smoke, ledger_workflows], repetitions: 2, concurrency: 3}
            tools: {transport: mcp_stdio}
            judgement: {mode: point}
            reports: []
            """)
        let run = try workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 22)
            // State-scored ledger cases pass only if the final state read over MCP is right.
            #expect(trials.allSatisfy { $0["completed"] == true && $0["reward"] == 1 }, "\(trials.filter { $0["reward"] != 1 }.first ?? nil)")
            #expect(trials.allSatisfy { $0["mcp_tool_calls"] == $0["tool_calls"] })
        }
    }

    @Test func aServerThatCrashesMidRunFailsTheRestAsMCPErrorsAndKeepsEveryTrial() throws {
        guard let python = MCPPeers.python else { return }
        let workdir = try Workdir()
        let preset = try workdir.write("hostile.yaml", """
            preset: hostile
            description: Calls that work, then one that kills the server.
            suite: {mcp: hostile}
            cases:
              - id: a-echo
                prompt: Echo "one".
                answer_schema: {}
                expected: {result: one}
                scorer: exact
                reference: |
                  return await tools.echo({text: "one"});
              - id: b-crash
                prompt: Crash the server.
                answer_schema: {}
                expected: {result: never}
                scorer: exact
                reference: |
                  return await tools.crash({});
              - id: c-echo
                prompt: Echo "three".
                answer_schema: {}
                expected: {result: three}
                scorer: exact
                reference: |
                  return await tools.echo({text: "three"});
            """)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [\(preset)], repetitions: 1, concurrency: 1}
            mcp:
              enabled: true
              servers:
                hostile: {command: [\(python), \(MCPPeers.script("hostile_server.py"))], timeout_seconds: 10}
            judgement: {mode: point}
            reports: []
            """)
        let started = Date()
        let run = try workdir.modegate(["run", gate])
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(run.status != 0)
        let baseline = try #require(try? workdir.records()["baseline"], "\(run.errors.suffix(2000))")
        #expect(baseline.count == 3)
        #expect(baseline.first { $0["case_id"] == "a-echo" }?["completed"] == true, "\(baseline.map(\.jsonText))")
        for caseID in ["b-crash", "c-echo"] {
            let trial = baseline.first { $0["case_id"] == .string(caseID) }
            #expect(trial?["error"]?["category"] == "mcp", "\(trial ?? nil)")
        }
    }
}
