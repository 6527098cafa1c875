/// One figure of a sweep: its observed value and (when the resamples formed it) its bootstrap
/// interval at the sweep's confidence.
public struct SweepEstimate: Sendable, Hashable, Codable {
    /// The observed value; nil when it cannot be formed (a ratio over a zero baseline).
    public var value: Double?
    /// The percentile interval over the resampled case slots.
    public var interval: ConfidenceInterval?

    /// An estimate as given.
    public init(value: Double?, interval: ConfidenceInterval?) {
        self.value = value
        self.interval = interval
    }

    /// Both keys always present.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(interval, forKey: .interval)
    }

    enum CodingKeys: String, CodingKey { case value, interval }
}

/// One metric at one shape: both arms and their comparison.
public struct SweepFigure: Sendable, Hashable, Codable {
    /// Which metric.
    public var metric: SweepMetric
    /// The baseline's mean (median for latency).
    public var baseline: SweepEstimate
    /// The candidate's mean (median for latency).
    public var candidate: SweepEstimate
    /// Candidate / baseline for costs, candidate − baseline for reward and completion.
    public var comparison: SweepEstimate
    /// `ratio` or `delta`: what `comparison` is.
    public var comparisonKind: String

    /// A figure as given.
    public init(metric: SweepMetric, baseline: SweepEstimate, candidate: SweepEstimate, comparison: SweepEstimate) {
        self.metric = metric
        self.baseline = baseline
        self.candidate = candidate
        self.comparison = comparison
        self.comparisonKind = metric.isCost ? "ratio" : "delta"
    }

    enum CodingKeys: String, CodingKey { case metric, baseline, candidate, comparison, comparisonKind = "comparison_kind" }
}
