/// Command-line values that override the gate file's (or the defaults') thresholds and judgement,
/// field by field: flag > gate file > default.
public struct JudgementOverrides: Sendable, Hashable {
    public var minRewardDelta: Double?
    public var minCompletionDelta: Double?
    public var maxStepsIncrease: Double?
    public var failOnCompletionRegression: Bool?
    public var maxGuardrailBlocked: Int?
    public var maxErrorRate: Double?
    public var maxTokenIncreaseRatio: Double?
    public var maxCostIncreaseRatio: Double?
    public var maxP95LatencyIncreaseRatio: Double?
    public var mode: JudgementSettings.Mode?
    public var confidence: Double?
    public var bootstrapResamples: Int?
    public var seed: UInt64?

    public init() {}

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

    public func applied(to settings: JudgementSettings) -> JudgementSettings {
        var result = settings
        if let mode { result.mode = mode }
        if let confidence { result.confidence = confidence }
        if let bootstrapResamples { result.bootstrapResamples = bootstrapResamples }
        if let seed { result.seed = seed }
        return result
    }
}
