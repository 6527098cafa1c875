import Foundation
import Testing
@testable import ModegateCore

/// Point mode against values computed by hand and against RLM Code 0.1.13's own output for the
/// same summaries (recorded from its `compare_benchmarks`).
@Suite struct JudgePointTests {
    static let baselineJSON: JSONValue = [
        "benchmark_id": "bench_base", "total_cases": 3, "completed_cases": 2, "avg_reward": 0.8, "avg_steps": 3.0,
        "case_results": [
            ["case_id": "a", "completed": true, "steps": 2, "total_reward": 1.0],
            ["case_id": "b", "completed": true, "steps": 3, "total_reward": 0.9],
            ["case_id": "c", "completed": false, "steps": 4, "total_reward": 0.5],
        ],
    ]
    static let candidateJSON: JSONValue = [
        "benchmark_id": "bench_cand", "total_cases": 3, "completed_cases": 3, "avg_reward": 0.7, "avg_steps": 2.67,
        "case_results": [
            ["case_id": "a", "completed": false, "steps": 1, "total_reward": 0.2],
            ["case_id": "b", "completed": true, "steps": 3, "total_reward": 0.9],
            ["case_id": "d", "completed": true, "steps": 4, "total_reward": 1.0],
        ],
    ]

    func verdict(_ thresholds: Thresholds) throws -> Verdict {
        let candidate = try RLMSummaryImporter.importing(Self.candidateJSON, path: "/w/bench_cand.json")
        let baseline = try RLMSummaryImporter.importing(Self.baselineJSON, path: "/w/bench_base.json")
        let settings = JudgementSettings(mode: .point, confidence: 0.95, bootstrapResamples: 1000, seed: 1)
        return Judge(thresholds: thresholds, settings: settings, gateSet: .rlm).judge(candidate: candidate, baseline: baseline)
    }

    func thresholds(reward: Double, completion: Double = 0, steps: Double = 0, regressions: Bool = true) -> Thresholds {
        Thresholds(
            minRewardDelta: reward, minCompletionDelta: completion, maxStepsIncrease: steps,
            failOnCompletionRegression: regressions, maxGuardrailBlocked: 0, maxErrorRate: 0.05)
    }

    @Test func reproducesRLMCodesDeltasAndCaseSummary() throws {
        let verdict = try verdict(thresholds(reward: -0.05))
        let gates = Dictionary(uniqueKeysWithValues: verdict.gates.map { ($0.name, $0) })
        // RLM Code printed -0.10000000000000009, 0.33333333333333337 and -0.33000000000000007.
        #expect(gates[.reward]?.observed == 0.7 - 0.8)
        #expect(gates[.completion]?.observed == 1.0 - 2.0 / 3.0)
        #expect(gates[.steps]?.observed == 2.67 - 3.0)
        #expect(verdict.coverage.pairedTrials == 2)
        #expect(verdict.completionRegressions.map(\.caseID) == ["a"])
        #expect(verdict.rewardRegressions.map(\.caseID) == ["a"])
        #expect(gates[.reward]?.status == .fail)
        #expect(gates[.completion]?.status == .pass)
        #expect(gates[.steps]?.status == .pass)
        #expect(gates[.completionRegressions]?.status == .fail)
        #expect(verdict.status == .fail)
        #expect(verdict.exitStatus == .fail)
        #expect(verdict.gates.count == 4)
    }

    @Test func toleranceAcceptsTheFloatingPointEdgeRLMCodeRejects() throws {
        // RLM Code fails reward here because 0.7 − 0.8 = −0.10000000000000009 < −0.1.
        let verdict = try verdict(thresholds(reward: -0.1, regressions: false))
        #expect(verdict.gates.first { $0.name == .reward }?.status == .pass)
        #expect(verdict.status == .pass)
    }

    @Test func regressionGateOffStillListsRegressions() throws {
        let verdict = try verdict(thresholds(reward: -1, regressions: false))
        #expect(!verdict.gates.contains { $0.name == .completionRegressions })
        #expect(verdict.completionRegressions.count == 1)
        #expect(verdict.status == .pass)
    }

    @Test func stepsIncreaseIsAnAbsoluteDifference() throws {
        let candidate = RunBuilder(id: "c", strategy: .codemode).run(cases: 4) { _, _ in (true, 1, 4) }
        let baseline = RunBuilder(id: "b", strategy: .toolCall).run(cases: 4) { _, _ in (true, 1, 2) }
        let judge = Judge(thresholds: thresholds(reward: 0, steps: 2), settings: .init(mode: .point, confidence: 0.95, bootstrapResamples: 100, seed: 1))
        let verdict = judge.judge(candidate: candidate, baseline: baseline)
        let steps = try #require(verdict.gates.first { $0.name == .steps })
        #expect(steps.observed == 2)
        #expect(steps.status == .pass)
        let stricter = Judge(thresholds: thresholds(reward: 0, steps: 1.99), settings: judge.settings)
        #expect(stricter.judge(candidate: candidate, baseline: baseline).status == .fail)
    }

    @Test func emptySummariesPassAsInRLMCode() throws {
        let empty = try RLMSummaryImporter.importing([:], path: "/w/empty.json")
        let settings = JudgementSettings(mode: .point, confidence: 0.95, bootstrapResamples: 100, seed: 1)
        let verdict = Judge(thresholds: .rlmDefaults, settings: settings, gateSet: .rlm).judge(candidate: empty, baseline: empty)
        #expect(verdict.status == .pass)
        // The native gate set refuses to judge runs with nothing in common.
        let native = Judge(thresholds: .rlmDefaults, settings: settings).judge(candidate: empty, baseline: empty)
        #expect(native.status == .error)
        #expect(native.exitStatus == .invalidInput)
    }

    @Test func fullGateSetAddsOperationalAndRatioGates() throws {
        let candidate = RunBuilder(id: "c", strategy: .codemode).run(cases: 5) { _, _ in (true, 1, 2) }
        let baseline = RunBuilder(id: "b", strategy: .toolCall).run(cases: 5) { _, _ in (true, 1, 4) }
        var limits = Thresholds.rlmDefaults
        limits.maxTokenIncreaseRatio = 0
        limits.maxCostIncreaseRatio = 0
        limits.maxP95LatencyIncreaseRatio = 0
        limits.serverAdoption = ["git": ServerAdoptionThresholds(minShare: 0.5, minTrialsUsing: 1, maxErrorRate: 0)]
        var offered = candidate
        var git = ServerAdoptionTotals()
        (git.trials, git.trialsUsing, git.calls, git.otherCalls) = (5, 5, 6, 4)
        offered.serverAdoption = ["git": git]
        let verdict = Judge(thresholds: limits, settings: .init(mode: .point, confidence: 0.95, bootstrapResamples: 100, seed: 1))
            .judge(candidate: offered, baseline: baseline)
        #expect(verdict.gates.map(\.name) == GateResult.Name.allCases)
        #expect(verdict.gates.filter { $0.server == "git" }.map(\.observed) == [0.6, 1, 0])
        // A server the candidate was never offered fails its gates: the evidence is not there.
        let unoffered = Judge(thresholds: limits, settings: .init(mode: .point, confidence: 0.95, bootstrapResamples: 100, seed: 1))
            .judge(candidate: candidate, baseline: baseline)
        #expect(unoffered.status == .fail && unoffered.gates.filter { $0.server == "git" }.allSatisfy { $0.status == .fail })
        // Tokens 120 vs 140 per trial: a 1/7 decrease.
        #expect(abs((verdict.gates.first { $0.name == .tokenIncreaseRatio }?.observed ?? 0) - (120.0 / 140.0 - 1)) < 1e-12)
        #expect(verdict.status == .pass)
    }

    @Test func unfinishedOrCancelledRunsAreRunErrors() {
        var candidate = RunBuilder(id: "c", strategy: .codemode).run(cases: 2) { _, _ in (true, 1, 1) }
        let baseline = RunBuilder(id: "b", strategy: .toolCall).run(cases: 2) { _, _ in (true, 1, 1) }
        let judge = Judge(thresholds: .rlmDefaults, settings: .nativeDefaults)
        candidate.isFinished = false
        #expect(judge.judge(candidate: candidate, baseline: baseline).exitStatus == .runError)
        candidate.isFinished = true
        candidate.cancelled = true
        candidate.cancelReason = "budget max_cost exhausted"
        let verdict = judge.judge(candidate: candidate, baseline: baseline)
        #expect(verdict.status == .error)
        #expect(verdict.errorMessage?.contains("max_cost") == true)
    }
}
