/// The statistics of a set of paired cases, observed or resampled.
public struct PairedEstimates: Sendable, Hashable {
    public var rewardDelta: Double
    public var completionDelta: Double
    public var stepsIncrease: Double
    /// Candidate / baseline − 1; nil when the baseline total is zero.
    public var tokenIncreaseRatio: Double?
    public var costIncreaseRatio: Double?

    /// Accumulates sums the same way for the observed data and for each resample, so both are
    /// computed by one definition.
    public struct Accumulator {
        var sums = PairedCaseSums()

        public init() {}

        @inline(__always)
        public mutating func add(_ other: PairedCaseSums) {
            sums.pairs += other.pairs
            sums.rewardDelta += other.rewardDelta
            sums.completionDelta += other.completionDelta
            sums.stepsDelta += other.stepsDelta
            sums.candidateTokens += other.candidateTokens
            sums.baselineTokens += other.baselineTokens
            sums.candidateCost += other.candidateCost
            sums.baselineCost += other.baselineCost
        }

        public var estimates: PairedEstimates {
            let n = max(sums.pairs, 1)
            return PairedEstimates(
                rewardDelta: sums.rewardDelta / n,
                completionDelta: sums.completionDelta / n,
                stepsIncrease: sums.stepsDelta / n,
                tokenIncreaseRatio: Self.ratio(sums.candidateTokens, sums.baselineTokens),
                costIncreaseRatio: Self.ratio(sums.candidateCost, sums.baselineCost))
        }

        static func ratio(_ candidate: Double, _ baseline: Double) -> Double? {
            if baseline > 0 { return candidate / baseline - 1 }
            return candidate == 0 ? 0 : nil
        }
    }
}
