import ArgumentParser
import Foundation
import ModegateCore

/// The options every judging command shares: which runs, and the criteria (flag > gate file > default).
struct JudgeOptions: ParsableArguments {
    @Option(help: "The candidate run: latest, previous, latest:STRATEGY, an id or prefix, or a path.")
    var candidate = "latest"

    @Option(help: "The baseline run (default: the newest run finished before the candidate).")
    var baseline = "previous"

    @Option(help: "Take thresholds and judgement from this gate file.")
    var gate: String?

    @Option(help: "Minimum reward delta (candidate − baseline).")
    var minRewardDelta: Double?

    @Option(help: "Minimum completion-rate delta.")
    var minCompletionDelta: Double?

    @Option(help: "Maximum absolute increase of mean steps.")
    var maxStepsIncrease: Double?

    @Option(help: "Fail on completion regressions: on|off.")
    var failOnCompletionRegression: OnOff?

    @Option(help: "Maximum guardrail-blocked programs in the candidate.")
    var maxGuardrailBlocked: Int?

    @Option(help: "Maximum infrastructure error rate per arm (0–1).")
    var maxErrorRate: Double?

    @Option(help: "Maximum token increase ratio (0.10 = 10% more).")
    var maxTokenIncreaseRatio: Double?

    @Option(help: "Maximum cost increase ratio.")
    var maxCostIncreaseRatio: Double?

    @Option(help: "Maximum p95 latency increase ratio.")
    var maxP95LatencyIncreaseRatio: Double?

    @Option(help: "Judgement mode: point (RLM Code parity) or statistical.")
    var mode: JudgementSettingsModeArgument?

    @Option(help: "Confidence level of statistical mode (0.5–0.9999).")
    var confidence: Double?

    @Option(help: "Bootstrap resamples in statistical mode.")
    var bootstrapResamples: Int?

    @Option(help: "Seed of the bootstrap.")
    var seed: UInt64?

    func validate() throws {
        try GateKeyOverride(flag: "--confidence", key: "judgement.confidence").check(confidence)
        try GateKeyOverride(flag: "--bootstrap-resamples", key: "judgement.bootstrap_resamples").check(bootstrapResamples)
        try GateKeyOverride(flag: "--max-error-rate", key: "thresholds.max_error_rate").check(maxErrorRate)
        try GateKeyOverride(flag: "--max-guardrail-blocked", key: "thresholds.max_guardrail_blocked").check(maxGuardrailBlocked)
        try GateKeyOverride(flag: "--min-reward-delta", key: "thresholds.min_reward_delta").check(minRewardDelta)
        try GateKeyOverride(flag: "--min-completion-delta", key: "thresholds.min_completion_delta").check(minCompletionDelta)
        try GateKeyOverride(flag: "--max-steps-increase", key: "thresholds.max_steps_increase").check(maxStepsIncrease)
        try GateKeyOverride(flag: "--max-token-increase-ratio", key: "thresholds.max_token_increase_ratio").check(maxTokenIncreaseRatio)
        try GateKeyOverride(flag: "--max-cost-increase-ratio", key: "thresholds.max_cost_increase_ratio").check(maxCostIncreaseRatio)
        try GateKeyOverride(
            flag: "--max-p95-latency-increase-ratio", key: "thresholds.max_p95_latency_increase_ratio").check(maxP95LatencyIncreaseRatio)
    }

    var overrides: JudgementOverrides {
        var overrides = JudgementOverrides()
        overrides.minRewardDelta = minRewardDelta
        overrides.minCompletionDelta = minCompletionDelta
        overrides.maxStepsIncrease = maxStepsIncrease
        overrides.failOnCompletionRegression = failOnCompletionRegression?.value
        overrides.maxGuardrailBlocked = maxGuardrailBlocked
        overrides.maxErrorRate = maxErrorRate
        overrides.maxTokenIncreaseRatio = maxTokenIncreaseRatio
        overrides.maxCostIncreaseRatio = maxCostIncreaseRatio
        overrides.maxP95LatencyIncreaseRatio = maxP95LatencyIncreaseRatio
        overrides.mode = mode.flatMap { JudgementSettings.Mode(rawValue: $0.rawValue) }
        overrides.confidence = confidence
        overrides.bootstrapResamples = bootstrapResamples
        overrides.seed = seed
        return overrides
    }

    /// The request these options describe: gate-file criteria when given, else RLM Code's
    /// promotion criteria judged statistically at 0.95; flags override either.
    func comparison() throws -> Comparison {
        var thresholds = Thresholds.rlmDefaults
        var settings = JudgementSettings.nativeDefaults
        if let gate {
            let plan = try GateLoader.load(path: gate)
            thresholds = plan.thresholds
            settings = plan.judgement
        }
        return Comparison(
            candidate: try RunReference(parsing: candidate), baseline: try RunReference(parsing: baseline),
            thresholds: overrides.applied(to: thresholds), settings: overrides.applied(to: settings))
    }
}
