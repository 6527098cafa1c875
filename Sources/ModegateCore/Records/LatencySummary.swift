import Foundation

/// The spread of trials' total latency, in seconds: RLM Code's `latency_seconds`.
public struct LatencySummary: Sendable, Codable, Hashable {
    /// Mean.
    public var avg: Double
    /// Median (type-7 quantile, as are the percentiles below).
    public var p50: Double
    /// 95th percentile.
    public var p95: Double
    /// 99th percentile.
    public var p99: Double
    /// The slowest trial.
    public var max: Double

    /// Figures as given; all 0 describes a run without trials.
    public init(avg: Double = 0, p50: Double = 0, p95: Double = 0, p99: Double = 0, max: Double = 0) {
        self.avg = avg
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }
}
