/// Per-case sums of paired trials: everything a resample of cases needs for mean and ratio
/// deltas. One cache line per case keeps the bootstrap's random access cheap.
public struct PairedCaseSums: Sendable, Hashable {
    /// Paired trials (repetitions) in the case.
    public var pairs: Double = 0
    /// Σ (candidate − baseline) of reward, completion (0/1) and steps.
    public var rewardDelta: Double = 0
    /// Σ (candidate − baseline) of completion, each trial 0 or 1.
    public var completionDelta: Double = 0
    /// Σ (candidate − baseline) of steps.
    public var stepsDelta: Double = 0
    /// Σ of the candidate's tokens.
    public var candidateTokens: Double = 0
    /// Σ of the baseline's tokens.
    public var baselineTokens: Double = 0
    /// Σ of the candidate's cost.
    public var candidateCost: Double = 0
    /// Σ of the baseline's cost.
    public var baselineCost: Double = 0

    /// Zero sums, to add trials to.
    public init() {}

    /// Adds one paired trial.
    public mutating func add(candidate: TrialOutcome, baseline: TrialOutcome) {
        pairs += 1
        rewardDelta += candidate.reward - baseline.reward
        completionDelta += (candidate.completed ? 1 : 0) - (baseline.completed ? 1 : 0)
        stepsDelta += Double(candidate.steps - baseline.steps)
        candidateTokens += Double(candidate.tokens)
        baselineTokens += Double(baseline.tokens)
        candidateCost += candidate.cost
        baselineCost += baseline.cost
    }
}
