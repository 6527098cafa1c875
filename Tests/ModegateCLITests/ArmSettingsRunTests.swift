import Foundation
import Testing

/// Arms that differ by more than their strategy, from the binary: an arm's own instructions
/// (its model sees them after the shared core, the other arm's does not) and an added MCP server
/// (its tools reach that arm only); check and every report name the difference.
@Suite struct ArmSettingsRunTests {
    @Test func theCandidatesInstructionsReachItsModelAndEveryReportNamesThem() async throws {
        let scratch = try Scratch()
        let instructions = "Batch independent tool calls in one program."
        try scratch.write(instructions + "\n", to: "prompts/candidate.md")
        try scratch.write("""
            version: 1
            workload: {presets: [smoke], repetitions: 1}
            candidate: {instructions_file: prompts/candidate.md}
            reports: [{format: json, path: verdict.json}, {format: markdown, path: decision.md}, {format: html, path: report.html}]
            """, to: "g.yaml")
        let check = try await ModegateBinary.run(["check", "g.yaml"], in: scratch.url)
        #expect(check.status == 0, "\(check.stderr)")
        let expected = "strategy tool_call → codemode; max_steps 24 → 6; candidate adds instructions (\(instructions.count) characters)"
        #expect(check.stderr.contains("g.yaml: the arms differ in: \(expected)"), "\(check.stderr)")
        #expect(check.stdout.contains(instructions), "the resolved plan holds the text")

        let run = try await ModegateBinary.run(["run", "g.yaml", "--report", "text"], in: scratch.url, timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("differs   \(expected)"), "\(run.stdout)")
        let verdict = try json(scratch.read("verdict.json"))
        #expect(verdict["arm_differences"] as? [String] == expected.components(separatedBy: "; "))
        #expect(try scratch.read("decision.md").contains("The arms differ in: \(expected)."))
        #expect(try scratch.read("report.html").contains("The arms differ in: strategy tool_call → codemode"))

        let runs = scratch.url.appendingPathComponent(".modegate/runs")
        for folder in try FileManager.default.contentsOfDirectory(atPath: runs.path) {
            let line = try String(contentsOf: runs.appendingPathComponent("\(folder)/transcripts.jsonl"), encoding: .utf8)
                .split(separator: "\n")[0]
            let transcript = try json(String(line))
            let exchanges = transcript["exchanges"] as? [[String: Any]]
            let messages = (exchanges?.first?["request"] as? [String: Any])?["messages"] as? [[String: Any]]
            let system = messages?.first?["content"] as? String ?? ""
            #expect(system.hasPrefix("You are an agent that completes tasks with tools."))
            #expect(system.hasSuffix("\n" + instructions) == folder.hasSuffix("-candidate"), "\(folder): \(system)")
        }
    }

    @Test func anAddedServersToolsReachItsArmOnlyAndTheRecordsSaySo() async throws {
        let scratch = try Scratch()
        try scratch.write("""
            version: 1
            workload: {presets: [smoke], repetitions: 1}
            mcp:
              enabled: true
              servers:
                triage: {command: ["\(ModegateBinary.path)", serve, repo_triage]}
            candidate: {mcp_servers: [triage]}
            reports: [{format: json, path: verdict.json}, {format: markdown, path: decision.md}, {format: html, path: report.html}, {format: text}]
            """, to: "g.yaml")
        let run = try await ModegateBinary.run(["run", "g.yaml"], in: scratch.url, timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let verdict = try json(scratch.read("verdict.json"))
        #expect((verdict["arm_differences"] as? [String])?.contains("candidate adds MCP server triage") == true, "\(verdict["arm_differences"] ?? "")")
        let figures = ((verdict["candidate"] as? [String: Any])?["server_adoption"] as? [String: Any])?["triage"] as? [String: Any]
        #expect(figures?["trials"] as? Int == 3 && figures?["calls"] as? Int == 0, "\(figures ?? [:])")
        #expect((verdict["baseline"] as? [String: Any])?["server_adoption"] == nil)
        let adoption = "triage: 0 of \(figures?["other_calls"] as? Int ?? -1) tool calls (0%) in 0 of 3 trials, 0 bursts, 0 errors, 0 B"
        #expect(run.stdout.contains("servers   candidate: \(adoption)"), "\(run.stdout)")
        #expect(try scratch.read("decision.md").contains("MCP server adoption: baseline none offered; candidate \(adoption)."))
        #expect(try scratch.read("report.html").contains("MCP server adoption — candidate: \(adoption)"))

        let runs = scratch.url.appendingPathComponent(".modegate/runs")
        for folder in try FileManager.default.contentsOfDirectory(atPath: runs.path) {
            let isCandidate = folder.hasSuffix("-candidate")
            let summary = try json(String(contentsOf: runs.appendingPathComponent("\(folder)/summary.json"), encoding: .utf8))
            #expect(summary["mcp_enabled"] as? Bool == isCandidate, "\(folder)")
            #expect(summary["mcp_server"] as? String == (isCandidate ? "triage" : nil), "\(folder)")
            let tools = (summary["provenance"] as? [String: Any])?["tools"] as? [String: Any]
            #expect((tools?["triage"] as? [String: Any])?["search_shard"] != nil || !isCandidate, "\(folder): \(tools?.keys.sorted() ?? [])")
            #expect(tools?["triage"] == nil || isCandidate)
            // The scripted model solves smoke with its own tools: the added server is offered, never used.
            let adoption = (summary["server_adoption"] as? [String: Any])?["triage"] as? [String: Any]
            #expect((adoption?["trials"] as? Int) == (isCandidate ? 3 : nil), "\(folder): \(summary["server_adoption"] ?? "none")")
            if isCandidate {
                #expect(adoption?["calls"] as? Int == 0 && adoption?["trials_using"] as? Int == 0 && (adoption?["other_calls"] as? Int ?? 0) > 0)
                let record = try json(String(String(contentsOf: runs.appendingPathComponent("\(folder)/results.jsonl"), encoding: .utf8).split(separator: "\n")[0]))
                let trial = (record["server_adoption"] as? [String: Any])?["triage"] as? [String: Any]
                #expect(trial?["inference_rounds"] as? Int == record["model_requests"] as? Int)
                #expect(trial?["longest_streak_without"] as? Int == record["tool_calls"] as? Int)
                #expect(trial?["calls_before_first"] == nil)
            }
            // What the model was offered in the first request of the first trial.
            let line = try String(contentsOf: runs.appendingPathComponent("\(folder)/transcripts.jsonl"), encoding: .utf8).split(separator: "\n")[0]
            let request = ((try json(String(line))["exchanges"] as? [[String: Any]])?.first?["request"] as? [String: Any]) ?? [:]
            let offered = String(decoding: try JSONSerialization.data(withJSONObject: request["tools"] ?? []), as: UTF8.self)
            #expect(offered.contains("search_shard") == isCandidate, "\(folder): \(offered.prefix(400))")
        }
    }
}
