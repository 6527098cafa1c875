import Foundation
import ModegateCore
import ModegateHarness
import Testing

@Suite struct GateRunnerTests {
    /// The trials that did not complete with full reward, with the reason from their records.
    static func failures(_ run: StoredRun) -> String {
        let folder = URL(fileURLWithPath: run.path).appendingPathComponent("results.jsonl")
        let lines = (try? String(contentsOf: folder, encoding: .utf8))?.split(separator: "\n") ?? []
        let odd = run.trials.filter { !($0.completed && $0.reward == 1) }.map { "\($0.key) \($0.completed) \($0.reward)" }
        return odd.joined(separator: "; ") + "\n" + lines.filter { !$0.contains("\"reward\":1,") }.prefix(2).joined(separator: "\n")
    }

    @Test func bothArmsPlayEveryTrialAndTheGatePasses() async throws {
        let scratch = try HarnessScratch()
        let outcome = try await scratch.runner(try scratch.gate()).run(.init())
        #expect(outcome.stoppedEarly == nil)
        #expect(outcome.verdict.status == .pass, "\(outcome.verdict.gates.map(\.detail))")
        #expect(outcome.baseline.trials.count == 8)
        #expect(outcome.candidate.trials.count == 8)
        #expect(outcome.baseline.trials.allSatisfy { $0.completed && $0.reward == 1 }, "\(Self.failures(outcome.baseline))")
        #expect(outcome.candidate.trials.allSatisfy { $0.completed && $0.reward == 1 }, "\(Self.failures(outcome.candidate))")
        // Tool calling: the list wave, the fetch wave, then the answer; code mode: run_code, then the answer.
        #expect(outcome.baseline.trials.allSatisfy { $0.steps == 3 })
        #expect(outcome.candidate.trials.allSatisfy { $0.steps == 2 })
    }

    @Test func recordsCarryEveryCounter() async throws {
        let scratch = try HarnessScratch(cases: 1)
        let outcome = try await scratch.runner(try scratch.gate(repetitions: 1)).run(.init())
        let folder = URL(fileURLWithPath: outcome.candidate.path)
        let lines = try String(contentsOf: folder.appendingPathComponent("results.jsonl"), encoding: .utf8)
        let candidate = try StableJSON.decoder().decode(TrialRecord.self, from: Data(lines.split(separator: "\n")[0].utf8))
        #expect(candidate.codemodeChainCalls == 1)
        #expect(candidate.toolCalls == 3)
        #expect(candidate.tokensEstimated)
        #expect(candidate.toolResponseBytes > candidate.modelVisibleToolBytes)
        #expect(candidate.latency.sandbox > 0)
        #expect(candidate.finalAnswer == ["total": 30])
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"payload_suppression\""))
    }

    @Test func toolFaultsCostCodeModeItsCompletions() async throws {
        let scratch = try HarnessScratch(cases: 6)
        let plan = try scratch.gate("tools: {faults: {inventory: {error_rate: 0.3, seed: 5}}}", repetitions: 2)
        let outcome = try await scratch.runner(plan).run(.init())
        #expect(outcome.verdict.status == .fail)
        #expect(!outcome.verdict.completionRegressions.isEmpty)
        #expect(outcome.baseline.trials.filter(\.completed).count > outcome.candidate.trials.filter(\.completed).count)
    }

    @Test func budgetStopsTheRunAndTheVerdictIsAnError() async throws {
        let scratch = try HarnessScratch(cases: 4)
        let plan = try scratch.gate("budget: {max_model_requests: 5}")
        let outcome = try await scratch.runner(plan).run(.init(concurrency: 1))
        #expect(outcome.stoppedEarly?.contains("max_model_requests") == true)
        #expect(outcome.verdict.status == .error)
        #expect(outcome.verdict.exitStatus == .runError)
    }
}

@Suite struct GateRunnerOrderTests {
    @Test func interleavedOrderGivesTheSameTrialsAsSequential() async throws {
        let scratch = try HarnessScratch(cases: 3)
        let sequential = try await scratch.runner(try scratch.gate(repetitions: 2)).run(.init())
        let interleaved = try await scratch.runner(try scratch.gate(repetitions: 2, armOrder: "interleaved")).run(.init())
        #expect(interleaved.verdict.status == .pass)
        func figures(_ outcome: GateRunner.Outcome) -> [String] {
            (outcome.baseline.trials + outcome.candidate.trials).map { "\($0.key) \($0.completed) \($0.reward) \($0.steps)" }.sorted()
        }
        #expect(figures(interleaved) == figures(sequential))
    }
}

@Suite struct JavaScriptScorerTests {
    @Test func scorerProgramSeesAnswerAndExpected() async throws {
        let scratch = try HarnessScratch(cases: 1)
        let yaml = """
            preset: inventory
            description: js-scored
            suite: inventory
            cases:
              - id: sum-js
                prompt: Add up the values.
                answer_schema: {type: object, required: [total], properties: {total: {type: number}}}
                scorer: {kind: js, program: "return answer.total === expected.total ? 1 : 0.25"}
                params: {count: 2}
                reference: |
                  const ids = await tools.list_items({});
                  const items = await Promise.all(ids.map(id => tools.get_item({id})));
                  return {total: items.reduce((sum, item) => sum + item.value, 0) + 1};
            """
        try yaml.write(to: scratch.url.appendingPathComponent("presets/inventory.yaml"), atomically: true, encoding: .utf8)
        let outcome = try await scratch.runner(try scratch.gate(repetitions: 1)).run(.init())
        #expect(outcome.candidate.trials.map(\.reward) == [0.25])
        #expect(outcome.baseline.trials.map(\.reward) == [0.25])
    }
}
