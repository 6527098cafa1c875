/// The promotion criteria of a gate (`thresholds:` in the gate file). RLM Code's names and meanings,
/// extended with safety, error-rate and cost gates. `nil` ratios switch their gate off.
public struct Thresholds: Sendable, Hashable, Codable {
    /// Least acceptable mean reward delta (candidate − baseline).
    public var minRewardDelta: Double
    /// Least acceptable completion-rate delta (candidate − baseline).
    public var minCompletionDelta: Double
    /// Absolute increase of mean steps (RLM semantics), not a ratio.
    public var maxStepsIncrease: Double
    /// Whether completion regressions are a gate: in point mode any one fails it, statistical mode
    /// tests them with McNemar's test.
    public var failOnCompletionRegression: Bool
    /// Sequential judging: the net completion regression, (losses − gains) per paired trial, the
    /// regression gate tolerates; it passes once the rate is shown to be below it (docs/judge.md).
    public var completionRegressionTolerance = Thresholds.defaultCompletionRegressionTolerance
    /// Most guardrail refusals the candidate may have.
    public var maxGuardrailBlocked: Int
    /// Most infrastructure errors, as a share of trials, either arm may have.
    public var maxErrorRate: Double
    /// Most relative increase of mean tokens; nil switches the gate off.
    public var maxTokenIncreaseRatio: Double?
    /// Most relative increase of mean cost; nil switches the gate off.
    public var maxCostIncreaseRatio: Double?
    /// Most relative increase of p95 latency; nil switches the gate off.
    public var maxP95LatencyIncreaseRatio: Double?
    /// Whether each preset's gates count toward the verdict as well as the overall gates, Holm-
    /// corrected across presets (docs/judge.md); off, `by_preset` only describes.
    public var perPreset: Bool
    /// Gates on the candidate's use of MCP servers, by server name; empty: adoption only describes.
    public var serverAdoption: [String: ServerAdoptionThresholds] = [:]

    /// A net regression of one paired trial in twenty: small enough to be noise in a real model's
    /// runs, large enough that a tie is shown within about 80 paired trials.
    public static let defaultCompletionRegressionTolerance = 0.05

    /// RLM Code's documented promotion criteria, the defaults when no gate file is given.
    public static let rlmDefaults = Thresholds(
        minRewardDelta: 0, minCompletionDelta: 0, maxStepsIncrease: 0.5, failOnCompletionRegression: true,
        maxGuardrailBlocked: 0, maxErrorRate: 0.05)

    /// Criteria as given; the ratio gates are off unless set.
    public init(
        minRewardDelta: Double, minCompletionDelta: Double, maxStepsIncrease: Double,
        failOnCompletionRegression: Bool, maxGuardrailBlocked: Int, maxErrorRate: Double,
        maxTokenIncreaseRatio: Double? = nil, maxCostIncreaseRatio: Double? = nil,
        maxP95LatencyIncreaseRatio: Double? = nil, perPreset: Bool = false
    ) {
        self.minRewardDelta = minRewardDelta
        self.minCompletionDelta = minCompletionDelta
        self.maxStepsIncrease = maxStepsIncrease
        self.failOnCompletionRegression = failOnCompletionRegression
        self.maxGuardrailBlocked = maxGuardrailBlocked
        self.maxErrorRate = maxErrorRate
        self.maxTokenIncreaseRatio = maxTokenIncreaseRatio
        self.maxCostIncreaseRatio = maxCostIncreaseRatio
        self.maxP95LatencyIncreaseRatio = maxP95LatencyIncreaseRatio
        self.perPreset = perPreset
    }

    /// Reads every criterion; `per_preset`, `completion_regression_tolerance` and
    /// `server_adoption` may be absent (files written before they existed).
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minRewardDelta = try container.decode(Double.self, forKey: .minRewardDelta)
        minCompletionDelta = try container.decode(Double.self, forKey: .minCompletionDelta)
        maxStepsIncrease = try container.decode(Double.self, forKey: .maxStepsIncrease)
        failOnCompletionRegression = try container.decode(Bool.self, forKey: .failOnCompletionRegression)
        completionRegressionTolerance = try container.decodeIfPresent(Double.self, forKey: .completionRegressionTolerance)
            ?? Self.defaultCompletionRegressionTolerance
        maxGuardrailBlocked = try container.decode(Int.self, forKey: .maxGuardrailBlocked)
        maxErrorRate = try container.decode(Double.self, forKey: .maxErrorRate)
        maxTokenIncreaseRatio = try container.decodeIfPresent(Double.self, forKey: .maxTokenIncreaseRatio)
        maxCostIncreaseRatio = try container.decodeIfPresent(Double.self, forKey: .maxCostIncreaseRatio)
        maxP95LatencyIncreaseRatio = try container.decodeIfPresent(Double.self, forKey: .maxP95LatencyIncreaseRatio)
        perPreset = try container.decodeIfPresent(Bool.self, forKey: .perPreset) ?? false
        serverAdoption = try container.decodeIfPresent([String: ServerAdoptionThresholds].self, forKey: .serverAdoption) ?? [:]
    }

    enum CodingKeys: String, CodingKey {
        case minRewardDelta = "min_reward_delta"
        case minCompletionDelta = "min_completion_delta"
        case maxStepsIncrease = "max_steps_increase"
        case failOnCompletionRegression = "fail_on_completion_regression"
        case completionRegressionTolerance = "completion_regression_tolerance"
        case maxGuardrailBlocked = "max_guardrail_blocked"
        case maxErrorRate = "max_error_rate"
        case maxTokenIncreaseRatio = "max_token_increase_ratio"
        case maxCostIncreaseRatio = "max_cost_increase_ratio"
        case maxP95LatencyIncreaseRatio = "max_p95_latency_increase_ratio"
        case perPreset = "per_preset"
        case serverAdoption = "server_adoption"
    }

    /// Writes every criterion, switched-off ratios as `null`.
    public func encode(to encoder: Encoder) throws {
        // Switched-off gates are written as explicit nulls so the JSON shows every criterion.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(minRewardDelta, forKey: .minRewardDelta)
        try container.encode(minCompletionDelta, forKey: .minCompletionDelta)
        try container.encode(maxStepsIncrease, forKey: .maxStepsIncrease)
        try container.encode(failOnCompletionRegression, forKey: .failOnCompletionRegression)
        try container.encode(completionRegressionTolerance, forKey: .completionRegressionTolerance)
        try container.encode(maxGuardrailBlocked, forKey: .maxGuardrailBlocked)
        try container.encode(maxErrorRate, forKey: .maxErrorRate)
        try container.encode(maxTokenIncreaseRatio, forKey: .maxTokenIncreaseRatio)
        try container.encode(maxCostIncreaseRatio, forKey: .maxCostIncreaseRatio)
        try container.encode(maxP95LatencyIncreaseRatio, forKey: .maxP95LatencyIncreaseRatio)
        try container.encode(perPreset, forKey: .perPreset)
        try container.encode(serverAdoption, forKey: .serverAdoption)
    }
}
