/// Per-case sums of paired trials: everything a resample of cases needs for mean and ratio
/// deltas. One cache line per case keeps the bootstrap's random access cheap.
public struct PairedCaseSums: Sendable, Hashable {
    /// Paired trials (repetitions) in the case.
    public var pairs: Double = 0
    /// Σ (candidate − baseline) of reward, completion (0/1) and steps.
    public var rewardDelta: Double = 0
    public var completionDelta: Double = 0
    public var stepsDelta: Double = 0
    public var candidateTokens: Double = 0
    public var baselineTokens: Double = 0
    public var candidateCost: Double = 0
    public var baselineCost: Double = 0

    public init() {}
}
