import Foundation
import ModegateCore
import Testing

/// A hung MCP server never fails later trials (issue 22, points 1 and 2), through the built
/// binary in both arms with the scripted model, against a server written the way most are — one
/// request at a time (Tests/ModegateIntegrationTests/Peers/single_thread_server.py) — over stdio
/// and over streamable HTTP. Its tools crash, hang, write garbage, report an error, and work.
@Suite struct MCPSupervisionTests {
    /// One case per fault, in this order.
    static let faults = """
        preset: faults
        description: A server's five behaviours, one case each.
        suite: {mcp: single}
        cases:
          - {id: a-crash, prompt: Crash the server., answer_schema: {}, expected: {result: never}, scorer: exact, reference: 'return await tools.crash_now({});'}
          - {id: b-hang, prompt: Hang the server., answer_schema: {}, expected: {result: never}, scorer: exact, reference: 'return await tools.hang_forever({});'}
          - {id: c-garbage, prompt: Make noise., answer_schema: {}, expected: {said: clean}, scorer: exact, reference: 'const r = await tools.spew_garbage({}); return {said: r.result ?? r};'}
          - {id: d-error, prompt: Raise the flag., answer_schema: {}, expected: {flag: raised}, scorer: exact, reference: 'try { await tools.error_flag({}); return {flag: "down"}; } catch (error) { return {flag: "raised"}; }'}
          - {id: e-echo, prompt: Echo ok., answer_schema: {}, expected: {echoed: ok}, scorer: exact, reference: 'const r = await tools.echo_ok({text: "ok"}); return {echoed: r.result ?? r};'}
        """

    /// A 3 s call timeout keeps the hang short; the error-rate gate allows the faults' failures.
    static func gate(_ workdir: Workdir, server: String, concurrency: Int, repetitions: Int = 1,
                     cases: String = faults) throws -> String {
        _ = try workdir.write("faults.yaml", cases)
        return try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [faults.yaml], repetitions: \(repetitions), concurrency: \(concurrency)}
            mcp:
              enabled: true
              servers:
                single: \(server)
            thresholds: {max_error_rate: 0.9}
            judgement: {mode: point}
            reports: [{format: json, path: verdict.json}]
            """)
    }

    static func stdioServer(_ python: String) -> String {
        "{command: [\(python), \(TestPeers.script("single_thread_server.py"))], timeout_seconds: 3}"
    }

    @Test func aHungStdioServerIsStoppedAndEveryLaterTrialWorksInBothArms() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let run = try await workdir.modegate(["run", try Self.gate(workdir, server: Self.stdioServer(python), concurrency: 1)])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        try Self.expectOneOfEachFault(workdir, crash: "exited with status 3")
        var pids: [String: Set<String>] = [:]
        for folder in try workdir.runFolders() {
            // Each arm's own server logs in its own run folder: its starts, the restarts' reasons,
            // and the stdout lines that are not JSON-RPC, skipped.
            let log = try String(contentsOf: folder.appendingPathComponent("mcp-single.stderr.log"), encoding: .utf8)
            let markers = log.split(separator: "\n").filter { $0.hasPrefix("--- modegate: restart") }
            #expect(markers.count == 2, "\(log)")
            #expect(markers.first?.contains(", after a crash ---") == true, "\(log)")
            #expect(markers.last?.contains(", after a hang ---") == true, "\(log)")
            #expect(log.contains("--- modegate: stdout, not JSON-RPC (skipped): this line is not JSON-RPC"), "\(log)")
            #expect(log.contains("--- modegate: stdout, not JSON-RPC (skipped): { neither is this one"), "\(log)")
            pids[folder.lastPathComponent] = Set(log.split(separator: "\n").filter { $0.hasPrefix("single: start pid") }.map(String.init))
            #expect(pids[folder.lastPathComponent]?.count == 3, "\(log)")
        }
        // The arms never shared a process.
        let started = Array(pids.values)
        #expect(started.count == 2 && started[0].isDisjoint(with: started[1]), "\(pids)")

        // Reusing the baseline, the candidate's server is started once, for the check, and its
        // log from that first start on is in the candidate's run folder.
        let baseline = try #require(try workdir.runFolders().first { $0.lastPathComponent.hasSuffix("-baseline") })
        let reused = try await workdir.modegate(["run", workdir.url.appendingPathComponent("gate.yaml").path,
                                                 "--baseline", baseline.lastPathComponent])
        #expect(reused.status == 0, "\(reused.errors.suffix(2000))")
        let candidate = try #require(try workdir.runFolders().last { $0.lastPathComponent.hasSuffix("-candidate") })
        let log = try String(contentsOf: candidate.appendingPathComponent("mcp-single.stderr.log"), encoding: .utf8)
        #expect(log.hasPrefix("single: start pid"), "\(log)")
        #expect(log.split(separator: "\n").filter { $0.hasPrefix("single: start pid") }.count == 3, "\(log)")
        #expect(!FileManager.default.fileExists(atPath: workdir.url.appendingPathComponent(".modegate/starting").path))
    }

    /// Four trials at a time on a server that answers one request at a time: calls that wait
    /// behind the hang fail with it as `mcp` errors, never as a strategy's loss, and the trials
    /// after the restart work.
    @Test func aHungStdioServerAtConcurrencyFourIsContained() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let gate = try Self.gate(
            workdir, server: Self.stdioServer(python), concurrency: 4, cases: Self.withoutCrash)
        let run = try await workdir.modegate(["run", gate])
        // Which trials were in flight with the hang depends on timing, so either verdict may come.
        #expect(run.status == 0 || run.status == 1, "\(run.errors.suffix(2000))")
        try Self.expectHangsContained(workdir)
    }

    @Test func aHungHTTPServerLosesItsSessionAndEveryLaterTrialWorksInBothArms() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let (server, url) = try await Self.httpServer(python)
        defer { server.stop() }
        let gate = try Self.gate(workdir, server: url, concurrency: 1)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))\n\(server.output.suffix(2000))")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            func trial(_ id: String) -> JSONValue? { trials.first { $0["case_id"] == .string(id) } }
            // Each arm's crash_now ends the server (the candidate's session starts at its first
            // trial, after the baseline's crash), and a supervisor brings it back.
            #expect(trial("a-crash")?["error"]?["category"] == "mcp", "\(arm)")
            #expect(trial("b-hang")?["error"]?["category"] == "mcp", "\(arm)")
            #expect(trial("b-hang")?["error"]?["message"]?.stringValue?.contains("the server hung") == true, "\(arm)")
            for id in ["c-garbage", "d-error", "e-echo"] {
                #expect(trial(id)?["completed"] == true, "\(arm) \(id): \(trial(id) ?? nil)")
            }
            // A new session in place of the hung one, counted as a hang.
            #expect(trial("c-garbage")?["mcp_restart_reasons"] == ["single": ["hang": 1]], "\(arm)")
        }
        #expect(server.output.components(separatedBy: "single: call hang_forever").count - 1 == 2, "\(server.output)")
    }

    @Test func aHungHTTPServerAtConcurrencyFourIsContained() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let (server, url) = try await Self.httpServer(python)
        defer { server.stop() }
        let gate = try Self.gate(workdir, server: url, concurrency: 4, cases: Self.withoutCrash)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0 || run.status == 1, "\(run.errors.suffix(2000))\n\(server.output.suffix(2000))")
        try Self.expectHangsContained(workdir)
    }

    // MARK: -

    /// The server over streamable HTTP on a free port, kept coming back after crash_now as a
    /// supervisor would; hang_forever wedges it for 8 s. Its gate entry, 3 s a call.
    static func httpServer(_ python: String) async throws -> (RespawningServer, String) {
        let port = TestPeers.freePort()
        let server = RespawningServer([python, TestPeers.script("single_thread_server.py"), "--http", String(port), "--hang-seconds", "8"])
        #expect(try await Poll.until(seconds: 60) { TestPeers.accepts(port) }, "\(server.output)")
        return (server, "{url: 'http://127.0.0.1:\(port)/mcp', timeout_seconds: 3}")
    }

    /// The faults without the crash, and four more echoes: the hang is what the trials in flight
    /// with it meet.
    static var withoutCrash: String {
        let kept = faults.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("id: a-crash") }
        let echoes = ["f", "g", "h", "i"].map {
            "  - {id: \($0)-echo, prompt: Echo ok., answer_schema: {}, expected: {echoed: ok}, scorer: exact, "
                + "reference: 'const r = await tools.echo_ok({text: \"ok\"}); return {echoed: r.result ?? r};'}"
        }
        return (kept.map(String.init) + echoes).joined(separator: "\n")
    }

    /// One trial at a time: the crash and the hang fail as `mcp` errors, everything after works.
    static func expectOneOfEachFault(_ workdir: Workdir, crash: String) throws {
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 5, "\(arm): \(trials.map(\.jsonText))")
            func trial(_ id: String) -> JSONValue? { trials.first { $0["case_id"] == .string(id) } }
            #expect(trial("a-crash")?["error"]?["category"] == "mcp", "\(arm)")
            #expect(trial("a-crash")?["error"]?["message"]?.stringValue?.contains(crash) == true, "\(arm)")
            #expect(trial("b-hang")?["error"]?["category"] == "mcp", "\(arm)")
            #expect(trial("b-hang")?["error"]?["message"]?.stringValue?.contains(
                "did not answer tools/call hang_forever within 3 s; the server hung (no answer to a ping within 1.5 s either)") == true,
                "\(arm): \(trial("b-hang") ?? nil)")
            for id in ["c-garbage", "d-error", "e-echo"] {
                #expect(trial(id)?["completed"] == true && trial(id)?["reward"] == 1, "\(arm) \(id): \(trial(id) ?? nil)")
                #expect(trial(id)?["error"] == nil, "\(arm) \(id)")
            }
            // The trial that found the server dead started it again, and says why.
            #expect(trial("b-hang")?["mcp_restart_reasons"] == ["single": ["crash": 1]], "\(arm)")
            #expect(trial("c-garbage")?["mcp_restart_reasons"] == ["single": ["hang": 1]], "\(arm)")
        }
        for folder in try workdir.runFolders() {
            let summary = try JSONValue.parse(String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8))
            #expect(summary["mcp_restarts"] == ["single": 2], "\(folder.lastPathComponent)")
            #expect(summary["mcp_restart_reasons"] == ["single": ["crash": 1, "hang": 1]], "\(folder.lastPathComponent)")
        }
        let verdict = try JSONValue.parse(String(contentsOf: workdir.url.appendingPathComponent("verdict.json"), encoding: .utf8))
        let warnings = verdict["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.contains {
            $0.hasPrefix("MCP server 'single' was restarted 4 times (baseline 2, candidate 2), by reason: crash 2, hang 2")
        }, "\(warnings)")
    }

    /// Many trials at once, in the seeded order: every failure is an `mcp` error (never a
    /// strategy's), the hang was found by one health check and counted as at most one restart,
    /// and every trial that started after the hung trial ended completed.
    static func expectHangsContained(_ workdir: Workdir) throws {
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 8, "\(arm): \(trials.map(\.jsonText))")
            for trial in trials where trial["completed"] != true {
                #expect(trial["error"]?["category"] == "mcp", "\(arm): \(trial.jsonText)")
            }
            let hang = try #require(trials.first { $0["case_id"] == "b-hang" })
            #expect(hang["error"]?["message"]?.stringValue?.contains("the server hung") == true, "\(arm): \(hang)")
            // Timestamps are ISO 8601 in UTC, so they order as text.
            let hungUntil = try #require(hang["finished_at"]?.stringValue)
            for trial in trials where (trial["started_at"]?.stringValue ?? "") > hungUntil {
                #expect(trial["completed"] == true, "\(arm): \(trial.jsonText)")
            }
            var reasons: [String: Int] = [:]
            for trial in trials {
                for (reason, count) in trial["mcp_restart_reasons"]?["single"]?.objectValue ?? [:] {
                    reasons[reason, default: 0] += count.intValue ?? 0
                }
            }
            #expect(reasons.isEmpty || reasons == ["hang": 1], "\(arm): \(reasons)")
        }
    }
}
