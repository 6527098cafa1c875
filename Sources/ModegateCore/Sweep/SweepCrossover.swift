import Foundation

/// Where the candidate starts to pay on one cost metric: the size from which its cost is below
/// the baseline's and stays there. Two readings, because they answer different questions:
///
/// - `paysFrom`, the evidence: the smallest swept shape from which the ratio's interval lies
///   wholly below 1 at that shape *and every larger one*, while the candidate completes at least
///   as often as the baseline there (a cheap failure is not paying); a size where the interval
///   straddles 1 is not yet paying, and a later size that goes back above 1 moves it on.
/// - `estimate`, the location: the fan-out where the ratio's point estimate crosses 1 for the
///   last time going down, interpolated linearly in log(fan-out) against log(ratio) between the
///   two swept shapes around it, with a bootstrap interval from the same resamples.
///
/// A ratio already below 1 at the smallest shape is `paysThroughout` (the crossover is below the
/// swept range); one still at or above 1 at the largest is `neverPays`: no crossover in range.
public struct SweepCrossover: Sendable, Hashable, Codable {
    /// How the ratio behaves across the swept range.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The ratio goes from at or above 1 to below 1 inside the range and stays below.
        case crosses
        /// The ratio is below 1 at every swept size: the crossover lies below the range.
        case paysThroughout = "pays_throughout"
        /// The ratio is at or above 1 at the largest swept size: no crossover in the range.
        case neverPays = "never_pays"
    }

    /// The cost metric.
    public var metric: SweepMetric
    /// How the point estimates behave.
    public var status: Status
    /// The smallest shape from which every interval lies wholly below 1; nil when none does.
    public var paysFrom: SweepShape?
    /// The interpolated fan-out of the last downward crossing of 1; nil unless `status` is `crosses`.
    public var estimate: Double?
    /// The bootstrap interval of `estimate`, over the resamples that cross inside the range.
    public var interval: ConfidenceInterval?
    /// Every interpolated fan-out where the point estimate passes 1, in either direction.
    public var crossings: [Double]

    /// A crossover as given.
    public init(metric: SweepMetric, status: Status, paysFrom: SweepShape?, estimate: Double?, interval: ConfidenceInterval?, crossings: [Double]) {
        self.metric = metric
        self.status = status
        self.paysFrom = paysFrom
        self.estimate = estimate
        self.interval = interval
        self.crossings = crossings
    }

    /// The crossover of `ratios` (candidate / baseline, one per shape, smallest first) with their
    /// `intervals`; `interval` is the bootstrap interval of the crossing, when one was drawn.
    /// `keepsCompletion[i]` says whether the candidate completes at least as often as the
    /// baseline at shape `i` (all true when not given).
    public init(metric: SweepMetric, shapes: [SweepShape], ratios: [Double], intervals: [ConfidenceInterval?], interval: ConfidenceInterval?,
                keepsCompletion: [Bool]? = nil) {
        let fanOuts = shapes.map(\.fanOut)
        let status: Status
        if let last = ratios.last, !(last < 1) {
            status = .neverPays
        } else if ratios.allSatisfy({ $0 < 1 }) {
            status = .paysThroughout
        } else {
            status = .crosses
        }
        let paying = Self.paysFrom(intervals: intervals, keepsCompletion: keepsCompletion ?? intervals.map { _ in true })
        self.init(
            metric: metric, status: status, paysFrom: paying.map { shapes[$0] },
            estimate: status == .crosses ? Self.finalCrossing(fanOuts: fanOuts, ratios: ratios) : nil,
            interval: status == .crosses ? interval : nil,
            crossings: Self.crossings(fanOuts: fanOuts, ratios: ratios))
    }

    enum CodingKeys: String, CodingKey { case metric, status, paysFrom = "pays_from", estimate, interval, crossings }

    /// Every key always present (nulls included), so readers need not guess.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(metric, forKey: .metric)
        try container.encode(status, forKey: .status)
        try container.encode(paysFrom?.description, forKey: .paysFrom)
        try container.encode(estimate, forKey: .estimate)
        try container.encode(interval, forKey: .interval)
        try container.encode(crossings, forKey: .crossings)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metric = try container.decode(SweepMetric.self, forKey: .metric)
        status = try container.decode(Status.self, forKey: .status)
        paysFrom = try container.decodeIfPresent(String.self, forKey: .paysFrom).flatMap { try? SweepShape.parse($0) }
        estimate = try container.decodeIfPresent(Double.self, forKey: .estimate)
        interval = try container.decodeIfPresent(ConfidenceInterval.self, forKey: .interval)
        crossings = try container.decode([Double].self, forKey: .crossings)
    }

    /// The smallest index from which every interval's upper bound is below 1 and completion holds.
    public static func paysFrom(intervals: [ConfidenceInterval?], keepsCompletion: [Bool]) -> Int? {
        var first: Int?
        for (index, interval) in intervals.enumerated().reversed() {
            guard let interval, interval.upper < 1, index < keepsCompletion.count, keepsCompletion[index] else { break }
            first = index
        }
        return first
    }

    /// The fan-out of the last downward crossing of 1 after which every ratio stays below 1;
    /// nil when the last ratio is not below 1, or every ratio is (no crossing inside the range).
    public static func finalCrossing(fanOuts: [Int], ratios: [Double]) -> Double? {
        guard ratios.count == fanOuts.count, let last = ratios.last, last < 1 else { return nil }
        guard let above = ratios.lastIndex(where: { !($0 < 1) }) else { return nil }
        return interpolate(fanOuts, ratios, at: above)
    }

    /// Every fan-out where consecutive ratios pass 1, either way.
    public static func crossings(fanOuts: [Int], ratios: [Double]) -> [Double] {
        guard ratios.count == fanOuts.count, ratios.count > 1 else { return [] }
        return (0..<(ratios.count - 1)).compactMap { index in
            let (a, b) = (ratios[index], ratios[index + 1])
            guard a.isFinite, b.isFinite, (a >= 1) != (b >= 1) else { return nil }
            return interpolate(fanOuts, ratios, at: index)
        }
    }

    /// Where the segment from shape `index` to `index + 1` meets ratio 1, in log-log space.
    static func interpolate(_ fanOuts: [Int], _ ratios: [Double], at index: Int) -> Double? {
        guard index + 1 < ratios.count else { return nil }
        let floor = 1e-12
        let x0 = log(Double(fanOuts[index])), x1 = log(Double(fanOuts[index + 1]))
        let y0 = log(max(ratios[index], floor)), y1 = log(max(ratios[index + 1], floor))
        guard y0.isFinite, y1.isFinite, y0 != y1 else { return nil }
        return exp(x0 + (0 - y0) / (y1 - y0) * (x1 - x0))
    }
}
