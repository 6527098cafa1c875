/// Command-line values that override the gate file's (or the defaults') thresholds and judgement,
/// field by field: flag > gate file > default.
public struct JudgementOverrides: Sendable, Hashable {
    /// `--min-reward-delta`.
    public var minRewardDelta: Double?
    /// `--min-completion-delta`.
    public var minCompletionDelta: Double?
    /// `--max-steps-increase`.
    public var maxStepsIncrease: Double?
    /// `--fail-on-completion-regression`.
    public var failOnCompletionRegression: Bool?
    /// `--max-guardrail-blocked`.
    public var maxGuardrailBlocked: Int?
    /// `--max-error-rate`.
    public var maxErrorRate: Double?
    /// `--max-token-increase-ratio`.
    public var maxTokenIncreaseRatio: Double?
    /// `--max-cost-increase-ratio`.
    public var maxCostIncreaseRatio: Double?
    /// `--max-p95-latency-increase-ratio`.
    public var maxP95LatencyIncreaseRatio: Double?
    /// `--mode`.
    public var mode: JudgementSettings.Mode?
    /// `--confidence`.
    public var confidence: Double?
    /// `--bootstrap-resamples`.
    public var bootstrapResamples: Int?
    /// `--seed`.
    public var seed: UInt64?

    /// No overrides: every value comes from the gate file or the defaults.
    public init() {}

    /// `thresholds` with every given flag's value in place of its own.
    public func applied(to thresholds: Thresholds) -> Thresholds {
        var result = thresholds
        if let minRewardDelta { result.minRewardDelta = minRewardDelta }
        if let minCompletionDelta { result.minCompletionDelta = minCompletionDelta }
        if let maxStepsIncrease { result.maxStepsIncrease = maxStepsIncrease }
        if let failOnCompletionRegression { result.failOnCompletionRegression = failOnCompletionRegression }
        if let maxGuardrailBlocked { result.maxGuardrailBlocked = maxGuardrailBlocked }
        if let maxErrorRate { result.maxErrorRate = maxErrorRate }
        if let maxTokenIncreaseRatio { result.maxTokenIncreaseRatio = maxTokenIncreaseRatio }
        if let maxCostIncreaseRatio { result.maxCostIncreaseRatio = maxCostIncreaseRatio }
        if let maxP95LatencyIncreaseRatio { result.maxP95LatencyIncreaseRatio = maxP95LatencyIncreaseRatio }
        return result
    }

    /// `settings` with every given flag's value in place of its own.
    public func applied(to settings: JudgementSettings) -> JudgementSettings {
        var result = settings
        if let mode { result.mode = mode }
        if let confidence { result.confidence = confidence }
        if let bootstrapResamples { result.bootstrapResamples = bootstrapResamples }
        if let seed { result.seed = seed }
        return result
    }
}
