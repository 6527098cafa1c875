/// One row of the costs side by side: a figure of both arms per paired trial, the candidate's
/// difference from the baseline, and (statistical mode) a paired bootstrap interval for it.
public struct CostFigure: Sendable, Hashable, Codable {
    /// The figures, in the order every report lists them.
    public enum Name: String, Sendable, Codable, CaseIterable, Hashable {
        /// Mean input tokens per trial.
        case promptTokens = "prompt_tokens"
        /// Mean output tokens per trial.
        case completionTokens = "completion_tokens"
        /// Mean input tokens served from the provider's prompt cache per trial.
        case cachedTokens = "cached_tokens"
        /// Mean cost per trial, in `CostComparison.currency`.
        case cost
        /// Mean model requests per trial.
        case modelRequests = "model_requests"
        /// Median trial latency, in seconds.
        case latencyP50 = "latency_p50_seconds"
        /// 95th percentile of trial latency, in seconds.
        case latencyP95 = "latency_p95_seconds"
        /// Mean bytes of tool results the model saw per trial.
        case modelVisibleToolBytes = "model_visible_tool_bytes"
        /// 1 − model-visible tool bytes / tool response bytes: the share of tool output the model
        /// never had to read.
        case payloadSuppression = "payload_suppression"

        /// The words a release owner reads.
        public var title: String {
            switch self {
            case .promptTokens: "Prompt tokens"
            case .completionTokens: "Completion tokens"
            case .cachedTokens: "Cached tokens"
            case .cost: "Cost"
            case .modelRequests: "Model requests"
            case .latencyP50: "Latency p50"
            case .latencyP95: "Latency p95"
            case .modelVisibleToolBytes: "Model-visible tool bytes"
            case .payloadSuppression: "Payload suppression"
            }
        }

        /// Whether candidate / baseline means something: not for a share, whose difference is
        /// already the comparison.
        public var hasRatio: Bool { self != .payloadSuppression }
    }

    /// Which figure this is.
    public var name: Name
    /// The baseline's value; nil when it did not record the figure or it cannot be measured
    /// (payload suppression without tool traffic).
    public var baseline: Double?
    /// The candidate's value, nil as for `baseline`.
    public var candidate: Double?
    /// Candidate − baseline; nil unless both values exist.
    public var delta: Double?
    /// Candidate / baseline; nil for a share, or when the baseline is zero or missing.
    public var ratio: Double?
    /// The paired cluster-bootstrap interval of `delta` (statistical mode only).
    public var interval: ConfidenceInterval?
    /// The arms whose runs do not record the figure at all (RLM Code summaries have no cost,
    /// cached tokens or tool bytes; a run without `model.pricing` has no cost): never shown as 0.
    public var notRecorded: [ArmRole]

    /// A row as given.
    public init(
        name: Name, baseline: Double?, candidate: Double?, delta: Double?, ratio: Double?,
        interval: ConfidenceInterval? = nil, notRecorded: [ArmRole] = []
    ) {
        self.name = name
        self.baseline = baseline
        self.candidate = candidate
        self.delta = delta
        self.ratio = ratio
        self.interval = interval
        self.notRecorded = notRecorded
    }

    enum CodingKeys: String, CodingKey {
        case name, baseline, candidate, delta, ratio, interval, notRecorded = "not_recorded"
    }

    /// Writes missing values as explicit nulls, so every row has the same keys; `ratio` and
    /// `interval` only when they exist.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(baseline, forKey: .baseline)
        try container.encode(candidate, forKey: .candidate)
        try container.encode(delta, forKey: .delta)
        try container.encodeIfPresent(ratio, forKey: .ratio)
        try container.encodeIfPresent(interval, forKey: .interval)
        try container.encode(notRecorded, forKey: .notRecorded)
    }
}
