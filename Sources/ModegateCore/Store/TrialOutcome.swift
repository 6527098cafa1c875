/// What the judge needs of one trial; a compact row so 100,000-trial runs stay small in memory.
/// Besides the gates' inputs it holds the figures of the costs side by side (`CostComparison`):
/// token kinds, model requests and tool bytes, a few machine words each.
public struct TrialOutcome: Sendable, Hashable {
    /// Which trial this is: preset, case and repetition, the key runs are paired by.
    public var key: PairKey
    /// Whether the trial's answer counted as completed.
    public var completed: Bool
    /// The scorer's reward, in [0, 1].
    public var reward: Double
    /// Model requests (steps) the trial made.
    public var steps: Int
    /// Input tokens the provider reported (or the scripted model estimated).
    public var promptTokens: Int
    /// Output tokens.
    public var completionTokens: Int
    /// Input tokens served from the provider's prompt cache (a part of `promptTokens`).
    public var cachedTokens: Int
    /// Requests sent to the model, as the trial counted them; the same as `steps` in native runs,
    /// not in RLM Code's, whose steps are its own.
    public var modelRequests: Int
    /// What the trial cost, in the provider's currency.
    public var cost: Double
    /// Wall-clock seconds of the whole trial.
    public var latency: Double
    /// Bytes of every tool answer, whether or not the model saw them.
    public var toolResponseBytes: Int
    /// Bytes of tool answers that reached the model's context.
    public var modelVisibleToolBytes: Int
    /// Programs the sandbox's guardrails refused during the trial.
    public var guardrailBlocked: Int
    /// True when the trial failed in the infrastructure, not in the strategy.
    public var infrastructureError: Bool

    /// An outcome as given; the cost and safety figures default to zero, model requests to `steps`.
    public init(
        key: PairKey, completed: Bool, reward: Double, steps: Int, promptTokens: Int = 0, completionTokens: Int = 0,
        cachedTokens: Int = 0, modelRequests: Int? = nil, cost: Double = 0, latency: Double = 0,
        toolResponseBytes: Int = 0, modelVisibleToolBytes: Int = 0, guardrailBlocked: Int = 0,
        infrastructureError: Bool = false
    ) {
        self.key = key
        self.completed = completed
        self.reward = reward
        self.steps = steps
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cachedTokens = cachedTokens
        self.modelRequests = modelRequests ?? steps
        self.cost = cost
        self.latency = latency
        self.toolResponseBytes = toolResponseBytes
        self.modelVisibleToolBytes = modelVisibleToolBytes
        self.guardrailBlocked = guardrailBlocked
        self.infrastructureError = infrastructureError
    }

    /// The outcome of a full trial record.
    public init(_ trial: TrialRecord) {
        self.init(
            key: trial.pairKey, completed: trial.completed, reward: trial.reward, steps: trial.steps,
            promptTokens: trial.promptTokens, completionTokens: trial.completionTokens,
            cachedTokens: trial.cachedTokens, modelRequests: trial.modelRequests, cost: trial.cost,
            latency: trial.latency.total, toolResponseBytes: trial.toolResponseBytes,
            modelVisibleToolBytes: trial.modelVisibleToolBytes, guardrailBlocked: trial.codemodeGuardrailBlocked,
            infrastructureError: trial.error?.category.isInfrastructure ?? false)
    }

    /// Prompt and completion tokens together, as the token gate counts them.
    public var tokens: Int { promptTokens + completionTokens }
}
