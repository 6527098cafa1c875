import Foundation
@testable import ModegateCore
@testable import ModegateReports
import Testing

@Suite("RLM Code compatible JSON")
struct RLMValidationRendererTests {
    /// The verdict behind RLM Code's documented `bench validate --json` example.
    static let example: Verdict = {
        var verdict = VerdictFixtures.failingPoint.verdict
        verdict.candidate = VerdictFixtures.arm(
            "bench_cand", .codemode, source: .rlmCode, path: "/w/.rlm_code/rlm/benchmarks/bench_cand.json",
            metrics: VerdictFixtures.metrics(cases: 3, completed: 3, reward: 0.7, steps: 2.67, trials: 3))
        verdict.baseline = VerdictFixtures.arm(
            "bench_base", .toolCall, source: .rlmCode, path: "/w/.rlm_code/rlm/benchmarks/bench_base.json",
            metrics: VerdictFixtures.metrics(cases: 3, completed: 2, reward: 0.8, steps: 3.0, trials: 3))
        verdict.thresholds.minRewardDelta = -0.1
        verdict.thresholds.maxStepsIncrease = 0
        verdict.coverage.pairedTrials = 2
        verdict.completionRegressions = [VerdictFixtures.key("p", "c1", 0)]
        verdict.rewardRegressions = [VerdictFixtures.key("p", "c1", 0)]
        verdict.gates = [
            GateResult(name: .reward, status: .fail, observed: 0.7 - 0.8, threshold: -0.1, comparison: .atLeast, detail: ""),
            GateResult(name: .completion, status: .pass, observed: 1 - 2.0 / 3, threshold: 0, comparison: .atLeast, detail: ""),
            GateResult(name: .steps, status: .pass, observed: 2.67 - 3, threshold: 0, comparison: .atMost, detail: ""),
            GateResult(name: .completionRegressions, status: .fail, observed: 1, threshold: 0, comparison: .atMost, detail: ""),
        ]
        return verdict
    }()

    @Test func reproducesRLMCodeByteForByte() {
        let expected = """
            {
              "command": "rlm_bench_validate",
              "candidate_id": "bench_cand",
              "baseline_id": "bench_base",
              "candidate_path": "/w/.rlm_code/rlm/benchmarks/bench_cand.json",
              "baseline_path": "/w/.rlm_code/rlm/benchmarks/bench_base.json",
              "candidate_metrics": {
                "avg_reward": 0.7,
                "completion_rate": 1.0,
                "avg_steps": 2.67,
                "total_cases": 3.0,
                "completed_cases": 3.0
              },
              "baseline_metrics": {
                "avg_reward": 0.8,
                "completion_rate": 0.6666666666666666,
                "avg_steps": 3.0,
                "total_cases": 3.0,
                "completed_cases": 2.0
              },
              "deltas": {
                "avg_reward": -0.10000000000000009,
                "completion_rate": 0.33333333333333337,
                "avg_steps_increase": -0.33000000000000007
              },
              "case_summary": {
                "common_cases": 2,
                "completion_regressions": 1,
                "reward_regressions": 1
              },
              "gates": {
                "reward": false,
                "completion": true,
                "steps": true,
                "completion_regressions": false
              },
              "passed": false,
              "exit_code": 1,
              "thresholds": {
                "min_reward_delta": -0.1,
                "min_completion_delta": 0.0,
                "max_steps_increase": 0.0,
                "fail_on_completion_regression": true
              }
            }

            """
        let rendered = RLMValidationRenderer(command: RLMValidationRenderer.validateCommand).render(Self.example)
        #expect(rendered == expected)
    }

    @Test func compareNamesItsCommandFirst() {
        let rendered = RLMValidationRenderer(command: RLMValidationRenderer.compareCommand).render(Self.example)
        #expect(rendered.hasPrefix("{\n  \"command\": \"rlm_bench_compare\",\n  \"candidate_id\""))
    }

    @Test func gateSwitchedOffCountsAsPassed() {
        var verdict = Self.example
        verdict.gates.removeLast()
        verdict.thresholds.failOnCompletionRegression = false
        let rendered = RLMValidationRenderer(command: RLMValidationRenderer.validateCommand).render(verdict)
        #expect(rendered.contains("\"completion_regressions\": true\n  },"))
        #expect(rendered.contains("\"fail_on_completion_regression\": false"))
    }

    @Test(arguments: [
        (3.0, "3.0"), (0.6666666666666666, "0.6666666666666666"), (-0.10000000000000009, "-0.10000000000000009"),
        (1e-05, "1e-05"), (0.0001, "0.0001"), (1e15, "1000000000000000.0"), (9_007_199_254_740_994, "9007199254740994.0"), (1e-300, "1e-300"),
        (9.5e15, "9500000000000000.0"), (-9.5e15, "-9500000000000000.0"), (1e16, "1e+16"), (1.5e300, "1.5e+300"),
        (-0.0, "-0.0"), (Double.nan, "NaN"), (Double.infinity, "Infinity"), (-Double.infinity, "-Infinity"),
    ])
    func floatsUsePythonRepr(_ value: Double, _ repr: String) {
        #expect(PythonJSON.repr(value) == repr)
    }

    @Test func stringsAreEscapedLikeJSONDumps() {
        #expect(PythonJSON.quote("a\"b\\c\nd\té\u{1F600}\u{7F}/") == #""a\"b\\c\nd\t\u00e9\ud83d\ude00\u007f/""#)
    }
}
