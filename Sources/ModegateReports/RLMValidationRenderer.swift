import ModegateCore

/// The JSON that RLM Code's `/rlm bench compare … --json` and `/rlm bench validate … --json` print,
/// key for key and float for float, so scripts written against RLM Code keep working when they
/// switch to `modegate bench compare|validate`. Every figure comes from the verdict.
public struct RLMValidationRenderer: VerdictRenderer {
    /// The `command` value of `bench compare --json`.
    public static let compareCommand = "rlm_bench_compare"
    /// The `command` value of `bench validate --json`.
    public static let validateCommand = "rlm_bench_validate"

    /// The document's `command`: `compareCommand` or `validateCommand`, written as given.
    public var command: String

    /// Creates the renderer for one of the two commands.
    public init(command: String) {
        self.command = command
    }

    /// Renders RLM Code's document; it holds no time or version, so the context is not needed.
    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        render(verdict)
    }

    /// Renders RLM Code's document, ending with a newline as Python's `print` does.
    public func render(_ verdict: Verdict) -> String {
        let candidate = verdict.candidate.metrics
        let baseline = verdict.baseline.metrics
        let thresholds = verdict.thresholds
        let passed = verdict.status == .pass
        let document = PythonJSON.object([
            ("command", .string(command)),
            ("candidate_id", .string(verdict.candidate.id)),
            ("baseline_id", .string(verdict.baseline.id)),
            ("candidate_path", .string(verdict.candidate.path)),
            ("baseline_path", .string(verdict.baseline.path)),
            ("candidate_metrics", metrics(candidate)),
            ("baseline_metrics", metrics(baseline)),
            ("deltas", .object([
                // Raw differences of the recorded metrics, as RLM Code computes them.
                ("avg_reward", .float(candidate.avgReward - baseline.avgReward)),
                ("completion_rate", .float(candidate.completionRate - baseline.completionRate)),
                ("avg_steps_increase", .float(candidate.avgSteps - baseline.avgSteps)),
            ])),
            ("case_summary", .object([
                ("common_cases", .int(verdict.coverage.pairedTrials)),
                ("completion_regressions", .int(verdict.completionRegressions.count)),
                ("reward_regressions", .int(verdict.rewardRegressions.count)),
            ])),
            ("gates", .object([
                ("reward", gate(.reward, in: verdict)),
                ("completion", gate(.completion, in: verdict)),
                ("steps", gate(.steps, in: verdict)),
                ("completion_regressions", gate(.completionRegressions, in: verdict)),
            ])),
            ("passed", .bool(passed)),
            ("exit_code", .int(passed ? 0 : 1)),
            ("thresholds", .object([
                ("min_reward_delta", .float(thresholds.minRewardDelta)),
                ("min_completion_delta", .float(thresholds.minCompletionDelta)),
                ("max_steps_increase", .float(thresholds.maxStepsIncrease)),
                ("fail_on_completion_regression", .bool(thresholds.failOnCompletionRegression)),
            ])),
        ])
        return document.text() + "\n"
    }

    /// RLM Code writes every metric as a float, counts included (`3.0`).
    private func metrics(_ metrics: ArmMetrics) -> PythonJSON {
        .object([
            ("avg_reward", .float(metrics.avgReward)),
            ("completion_rate", .float(metrics.completionRate)),
            ("avg_steps", .float(metrics.avgSteps)),
            ("total_cases", .float(Double(metrics.totalCases))),
            ("completed_cases", .float(Double(metrics.completedCases))),
        ])
    }

    /// A gate the judge did not evaluate (completion regressions with the flag off) counts as
    /// passed, as in RLM Code.
    private func gate(_ name: GateResult.Name, in verdict: Verdict) -> PythonJSON {
        .bool(verdict.gates.first { $0.name == name }.map { $0.status == .pass } ?? true)
    }
}
