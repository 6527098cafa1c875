/// What the judge needs of one trial; a compact row so 100,000-trial runs stay small in memory.
public struct TrialOutcome: Sendable, Hashable {
    public var key: PairKey
    public var completed: Bool
    public var reward: Double
    public var steps: Int
    public var tokens: Int
    public var cost: Double
    public var latency: Double
    public var guardrailBlocked: Int
    public var infrastructureError: Bool

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

    public init(_ trial: TrialRecord) {
        self.init(
            key: trial.pairKey, completed: trial.completed, reward: trial.reward, steps: trial.steps,
            tokens: trial.totalTokens, cost: trial.cost, latency: trial.latency.total,
            guardrailBlocked: trial.codemodeGuardrailBlocked,
            infrastructureError: trial.error?.category.isInfrastructure ?? false)
    }
}
