import Foundation
import ModegateCore
import Testing

/// Cases that set up state on their MCP server and are scored by a checker tool beside the
/// agent's tools, through the binary against a real stateful server (Python SDK): the harness
/// makes the setup call on each trial's session, calls the checker after each turn, and neither
/// tool is ever shown to an arm.
@Suite struct ServerCheckedCaseTests {
    @Test func setupAndCheckerRunOnTheServerAndStayHiddenFromBothArms() async throws {
        guard let python = TestPeers.python else { return }
        let workdir = try Workdir()
        let preset = try workdir.write("bank.yaml", """
            preset: bank
            description: Deposits on a stateful server, checked on the server.
            suite: {mcp: bank}
            cases:
              - id: two-deposits
                setup: {tool: reset, arguments: {balance: 100}}
                prompt: 'Deposit 50. Answer {"balance": INTEGER}.'
                answer_schema: {type: object, required: [balance]}
                scorer: {kind: mcp, tool: check, arguments: {expected_balance: 150}}
                reference: 'const r = await tools.deposit({amount: 50}); return {balance: r.balance};'
                turns:
                  - prompt: 'Deposit 25 more. Answer {"balance": INTEGER}.'
                    answer_schema: {type: object, required: [balance]}
                    scorer: {kind: mcp, tool: check, arguments: {expected_balance: 175}}
                    reference: 'const r = await tools.deposit({amount: 25}); return {balance: r.balance};'
              - id: cannot-reach-the-checker
                setup: {tool: reset, arguments: {balance: 10}}
                prompt: 'What is the balance? Answer {"balance": INTEGER}.'
                answer_schema: {type: object, required: [balance]}
                scorer: {kind: mcp, tool: check, arguments: {expected_balance: 10}}
                reference: |
                  const hidden = typeof tools.check === "undefined" && typeof tools.reset === "undefined";
                  const r = await tools.balance({});
                  return {balance: hidden ? r.balance : -1};
            """)
        let gate = try workdir.write("gate.yaml", """
            version: 1
            workload: {presets: [\(preset)], repetitions: 2, concurrency: 1}
            mcp:
              enabled: true
              servers:
                bank: {command: [\(python), \(TestPeers.script("bank_server.py"))]}
            judgement: {mode: point}
            reports: [{format: json, path: .modegate/verdict.json}]
            """)
        let run = try await workdir.modegate(["run", gate])
        #expect(run.status == 0, "\(run.errors.suffix(2000))")
        let records = try workdir.records()
        for arm in ["baseline", "candidate"] {
            let trials = records[arm] ?? []
            #expect(trials.count == 4, "\(arm)")
            // Every repetition starts from the setup's balance: the checker sees 150 then 175 each time.
            for trial in trials {
                #expect(trial["reward"] == 1 && trial["completed"] == true, "\(arm): \(trial.jsonText.prefix(1200))")
                for turn in trial["turns"]?.arrayValue ?? [] {
                    #expect(turn["reward"] == 1 && turn["score_detail"]?["turn"] == turn["turn"], "\(arm): \(turn.jsonText)")
                }
            }
            let twoDeposits = trials.filter { $0["case_id"] == "two-deposits" }
            #expect(twoDeposits.compactMap { $0["turns"]?.arrayValue?.last?["score_detail"]?["balance"] } == [175, 175], "\(arm)")
            // The checker's own calls are not the agent's: one deposit per turn is all the arm made.
            #expect(twoDeposits.allSatisfy { $0["tool_calls"] == 2 }, "\(arm): \(twoDeposits.map { $0["tool_calls"] ?? nil })")
        }
        // The candidate's tool API counts the agent's tools only.
        let toolAPI = try workdir.summaries()["candidate"]?["tool_api"]
        #expect(toolAPI?["tools"] == 2, "\(toolAPI?.jsonText ?? "")")
        // Neither arm was offered the setup or the checker tool.
        for (arm, lines) in try workdir.transcripts() {
            for line in lines {
                let offered = (line["exchanges"]?.arrayValue ?? []).flatMap { $0["request"]?["tools"]?.arrayValue ?? [] }
                    .compactMap { $0["name"]?.stringValue }
                #expect(!offered.contains("check") && !offered.contains("reset"), "\(arm): \(Set(offered))")
                let text = line["exchanges"]?.jsonText ?? ""
                #expect(!text.contains("expected_balance"), "\(arm): the checker's description reached the model")
            }
        }
    }
}
