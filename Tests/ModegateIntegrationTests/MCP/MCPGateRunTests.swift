import Foundation
import ModegateCore
import ModegateMCP
import Testing

/// Whole gate runs through the built binary whose tools cross real MCP transports.
@Suite struct MCPGateRunTests {
    @Test func theGitExampleGatePassesOverTheOfficialGitServer() async throws {
        guard TestPeers.program("mcp-server-git") != nil else { return }
        let workdir = try Workdir()
        try await workdir.makeGitFixture()
        let gate = TestPeers.repository.appendingPathComponent("gates/examples/mcp-git.yaml").path
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 12)
            #expect(trials.allSatisfy { $0["completed"] == true && $0["reward"] == 1 }, "\(trials.filter { $0["reward"] != 1 }.first ?? nil)")
            #expect(trials.allSatisfy { ($0["mcp_tool_calls"]?.intValue ?? 0) > 0 && $0["mcp_tool_calls"] == $0["tool_calls"] })
            // The summary says the arm reached its tools over MCP, and which server.
            let summary = try workdir.summaries()[arm]
            #expect(summary?["mcp_enabled"] == true && summary?["mcp_server"] == "git", "\(summary?.jsonText.prefix(300) ?? "")")
        }
        let runs = try FileManager.default.contentsOfDirectory(atPath: workdir.url.appendingPathComponent(".modegate/runs").path)
        let baseline = try #require(runs.first { $0.hasSuffix("-baseline") })
        #expect(FileManager.default.fileExists(
            atPath: workdir.url.appendingPathComponent(".modegate/runs/\(baseline)/mcp-git.stderr.log").path))
    }

    @Test func builtInPresetsCrossMCPWithTheStdioTransport() async throws {
        let workdir = try Workdir()
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [smoke, ledger_workflows], repetitions: 2, concurrency: 3}
            tools: {transport: mcp_stdio}
            judgement: {mode: point}
            reports: []
            """)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 22)
            // State-scored ledger cases pass only if the final state read over MCP is right.
            #expect(trials.allSatisfy { $0["completed"] == true && $0["reward"] == 1 }, "\(trials.filter { $0["reward"] != 1 }.first ?? nil)")
            #expect(trials.allSatisfy { $0["mcp_tool_calls"] == $0["tool_calls"] })
            let summary = try workdir.summaries()[arm]
            #expect(summary?["mcp_enabled"] == true, "\(summary?.jsonText.prefix(300) ?? "")")
            #expect(summary?["mcp_server"] == "modegate serve ledger_workflows,modegate serve smoke")
        }
    }
}

extension MCPGateRunTests {
    @Test func ctrlCStopsTheRunAndItsMCPServers() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let marker = "modegate-test-\(UUID().uuidString)"
        let preset = try workdir.write("hang.yaml", """
            preset: hang
            description: A call that never returns.
            suite: {mcp: hostile}
            cases:
              - id: hang
                prompt: Wait.
                answer_schema: {}
                expected: {result: never}
                scorer: exact
                reference: |
                  return await tools.hang({});
            """)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [\(preset)], repetitions: 1}
            mcp:
              enabled: true
              servers:
                hostile: {command: [\(python), \(TestPeers.script("hostile_server.py")), \(marker)], timeout_seconds: 300}
            judgement: {mode: point}
            reports: []
            """)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPeers.modegate)
        process.arguments = ["run", gate]
        process.currentDirectoryURL = workdir.url
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["MODEGATE_HOME": workdir.url.appendingPathComponent(".modegate").path]) { $1 }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the trial is waiting on the hung call (the server says so on its stderr,
        // which the run keeps in its folder).
        #expect(try await Poll.until(seconds: 60) { Self.serverLog(workdir).contains("hang: called") })
        #expect(Self.running(marker))
        kill(process.processIdentifier, SIGINT)
        // What this test holds is that the servers go with the run; how fast the run exits is
        // WaitBenchmark's figure.
        #expect(try await Poll.until(seconds: 60) { !process.isRunning })
        #expect(!Self.running(marker), "the MCP server outlived the run")
        // The interrupted trial is not recorded as a failure (it would blame the strategy); the
        // run is marked cancelled and --resume plays it again.
        let trials = try workdir.records()["baseline"] ?? []
        #expect(trials.isEmpty, "\(trials.map(\.jsonText))")
        let runs = workdir.url.appendingPathComponent(".modegate/runs")
        let baseline = try #require(try FileManager.default.contentsOfDirectory(atPath: runs.path).first { $0.hasSuffix("-baseline") })
        let summary = try JSONValue.parse(String(contentsOf: runs.appendingPathComponent("\(baseline)/summary.json"), encoding: .utf8))
        #expect(summary["cancelled"] == true, "\(summary.jsonText.prefix(500))")
    }

    /// The hostile server's stderr, as the run keeps it.
    static func serverLog(_ workdir: Workdir) -> String {
        let runs = workdir.url.appendingPathComponent(".modegate/runs")
        let baseline = (try? FileManager.default.contentsOfDirectory(atPath: runs.path))?.first { $0.hasSuffix("-baseline") }
        return baseline.flatMap {
            try? String(contentsOf: runs.appendingPathComponent("\($0)/mcp-hostile.stderr.log"), encoding: .utf8)
        } ?? ""
    }

    /// Whether a process whose command line has `marker` is alive (zombies do not count).
    static func running(_ marker: String) -> Bool {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.contains { entry in
            guard Int(entry) != nil,
                let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
                String(decoding: command, as: UTF8.self).contains(marker),
                let status = try? String(contentsOfFile: "/proc/\(entry)/status", encoding: .utf8)
            else { return false }
            return !status.contains("State:\tZ")
        }
    }
}

/// The candidate driving an external Code Mode server over MCP (`runtime: mcp`).
@Suite struct ExternalCodeModeTests {
    @Test func theCandidateDrivesModegateServeCodemodeOverMCP() async throws {
        let workdir = try Workdir()
        let gatePath = workdir.url.appendingPathComponent("gate.yaml").path
        _ = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [smoke], repetitions: 2, concurrency: 2}
            mcp:
              enabled: true
              servers:
                codemode: {command: [\(TestPeers.modegate), serve, codemode, --gate, \(gatePath)], timeout_seconds: 30}
            candidate: {strategy: codemode, runtime: mcp, mcp_server: codemode, discovery: true}
            judgement: {mode: point}
            reports: []
            """)
        let run = try await workdir.modegate(["run", gatePath])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let candidate = try workdir.records()["candidate"] ?? []
        #expect(candidate.count == 6)
        #expect(candidate.allSatisfy { $0["completed"] == true && $0["reward"] == 1 }, "\(candidate.first { $0["reward"] != 1 } ?? nil)")
        #expect(candidate.allSatisfy { $0["codemode_chain_calls"] == 1 && $0["mcp_tool_calls"] == 1 })
    }

    /// toolplane with our smoke suite (`modegate serve smoke`) as its upstream tools.
    static var toolplaneConfig: String {
        """
        [toolplane]
        default_backend = "monty"

        [cli]
        mode = "disabled"

        [mcp.servers.smoke]
        command = "\(TestPeers.modegate)"
        args = ["serve", "smoke"]
        """
    }

    /// toolplane as the candidate's runtime in a whole run: the strategy drives it by role. The
    /// scripted model submits JavaScript, which toolplane's Python rejects, so the candidate's
    /// trials end with typed answer errors, not crashes, and the calls are counted.
    @Test func aGateRunDrivesToolplaneByRole() async throws {
        guard let toolplane = TestPeers.program("toolplane") else { return }
        let workdir = try Workdir()
        _ = try workdir.write("toolplane.toml", Self.toolplaneConfig)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [smoke], repetitions: 1}
            mcp:
              enabled: true
              servers:
                codemode: {command: [\(toolplane), serve, mcp, --config, toolplane.toml], timeout_seconds: 60, error_pattern: '"error":\\{'}
            candidate: {strategy: codemode, runtime: mcp, mcp_server: codemode}
            judgement: {mode: point}
            reports: []
            """)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 1, "\(run.errors.suffix(2000))")
        let records = try workdir.records()
        #expect(records["baseline"]?.allSatisfy { $0["completed"] == true } == true)
        let candidate = records["candidate"] ?? []
        #expect(candidate.count == 3)
        #expect(candidate.allSatisfy { $0["codemode_chain_calls"] == 1 && $0["mcp_tool_calls"] == 1 })
        #expect(candidate.allSatisfy { $0["error"]?["category"] == "answer" }, "\(candidate.map(\.jsonText))")
    }

    @Test func toolplaneRunsPythonAgainstOurServedSuiteAndItsRolesResolve() async throws {
        guard let toolplane = TestPeers.program("toolplane") else { return }
        let workdir = try Workdir()
        let folder = workdir.url
        _ = try workdir.write("toolplane.toml", Self.toolplaneConfig)
        let connection = try await MCPConnection.open(
            name: "toolplane",
            server: .init(command: [toolplane, "serve", "mcp", "--config", folder.appendingPathComponent("toolplane.toml").path],
                          // toolplane reports a failed snippet in an ordinary result: {"value": null, "error": {...}}.
                          timeoutSeconds: 60, errorPattern: #""error":\{"#),
            environment: ProcessInfo.processInfo.environment, logFolder: folder)
        let tools = try await connection.listTools()
        #expect(Set(tools.map(\.name)).isSuperset(of: ["search_capabilities", "get_capability_schemas", "execute_code"]))
        let found = await connection.call("search_capabilities", arguments: ["query": "add"])
        #expect(found.reply.text.contains("smoke_add"), "\(found.reply.text)")
        let run = await connection.call("execute_code", arguments: ["code": "return await smoke_add(a=1.5, b=2.25)"])
        #expect(!run.reply.isError, "\(run.reply.text)")
        #expect(run.reply.text.contains("3.75"), "\(run.reply.text)")
        let broken = await connection.call("execute_code", arguments: ["code": "return await no_such_binding()"])
        #expect(broken.reply.isError, "\(broken.reply.text)")
        #expect(broken.serverFailure == nil)
        await connection.close()
    }
}
