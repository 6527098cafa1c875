/// The statistics of a set of paired cases, observed or resampled.
public struct PairedEstimates: Sendable, Hashable {
    /// Mean reward delta per paired trial.
    public var rewardDelta: Double
    /// Mean completion delta per paired trial.
    public var completionDelta: Double
    /// Mean steps increase per paired trial.
    public var stepsIncrease: Double
    /// Candidate / baseline − 1; nil when the baseline total is zero.
    public var tokenIncreaseRatio: Double?
    /// Candidate / baseline − 1 of cost; nil when the baseline total is zero.
    public var costIncreaseRatio: Double?

    /// Accumulates sums the same way for the observed data and for each resample, so both are
    /// computed by one definition.
    public struct Accumulator {
        var sums = PairedCaseSums()

        /// An empty accumulator.
        public init() {}

        /// Adds one case's sums.
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

        /// The estimates of everything added so far.
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
