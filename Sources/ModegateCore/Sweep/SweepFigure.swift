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
