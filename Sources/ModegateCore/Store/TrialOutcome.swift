/// What the judge needs of one trial; a compact row so 100,000-trial runs stay small in memory.
public struct TrialOutcome: Sendable, Hashable {
    /// Which trial this is: preset, case and repetition, the key runs are paired by.
    public var key: PairKey
    /// Whether the trial's answer counted as completed.
    public var completed: Bool
    /// The scorer's reward, in [0, 1].
    public var reward: Double
    /// Model requests (steps) the trial made.
    public var steps: Int
    /// Prompt and completion tokens together.
    public var tokens: Int
    /// What the trial cost, in the provider's currency.
    public var cost: Double
    /// Wall-clock seconds of the whole trial.
    public var latency: Double
    /// Programs the sandbox's guardrails refused during the trial.
    public var guardrailBlocked: Int
    /// True when the trial failed in the infrastructure, not in the strategy.
    public var infrastructureError: Bool

    /// An outcome as given; the cost and safety figures default to zero.
    public init(
        key: PairKey, completed: Bool, reward: Double, steps: Int, tokens: Int = 0, cost: Double = 0,
        latency: Double = 0, guardrailBlocked: Int = 0, infrastructureError: Bool = false
    ) {
        self.key = key
        self.completed = completed
        self.reward = reward
        self.steps = steps
        self.tokens = tokens
        self.cost = cost
        self.latency = latency
        self.guardrailBlocked = guardrailBlocked
        self.infrastructureError = infrastructureError
    }

    /// The outcome of a full trial record.
    public init(_ trial: TrialRecord) {
        self.init(
            key: trial.pairKey, completed: trial.completed, reward: trial.reward, steps: trial.steps,
            tokens: trial.totalTokens, cost: trial.cost, latency: trial.latency.total,
            guardrailBlocked: trial.codemodeGuardrailBlocked,
            infrastructureError: trial.error?.category.isInfrastructure ?? false)
    }
}
