/// A two-sided interval for one delta at a confidence level.
public struct ConfidenceInterval: Sendable, Hashable, Codable {
    /// The lower bound.
    public var lower: Double
    /// The upper bound.
    public var upper: Double
    /// The level the interval was computed at, e.g. 0.95.
    public var confidence: Double

    /// An interval as given.
    public init(lower: Double, upper: Double, confidence: Double) {
        self.lower = lower
        self.upper = upper
        self.confidence = confidence
    }

    /// Half the interval's width: the margin `casesNeeded` projects to shrink.
    public var halfWidth: Double { (upper - lower) / 2 }

    /// The percentile interval of bootstrap replicates (type-7 interpolation), sorting in place.
    public static func percentile(of replicates: inout [Double], confidence: Double) -> ConfidenceInterval {
        replicates.sort()
        let alpha = 1 - confidence
        return ConfidenceInterval(
            lower: quantile(sorted: replicates, alpha / 2),
            upper: quantile(sorted: replicates, 1 - alpha / 2),
            confidence: confidence)
    }

    /// Linear interpolation between order statistics (R's type 7, NumPy's default).
    public static func quantile(sorted values: [Double], _ probability: Double) -> Double {
        guard let first = values.first else { return .nan }
        guard values.count > 1 else { return first }
        let position = probability * Double(values.count - 1)
        let below = Int(position.rounded(.down))
        let above = min(below + 1, values.count - 1)
        let fraction = position - Double(below)
        return values[below] + (values[above] - values[below]) * fraction
    }
}
