/// Run-level figures of one arm: RLM Code's metrics plus the extended gates' inputs.
public struct ArmMetrics: Sendable, Hashable, Codable {
    /// Cases in the run, as its summary records them.
    public var totalCases: Int
    /// Cases the run completed (RLM Code's `completed_cases`).
    public var completedCases: Int
    /// Cases the run attempted, finished or not.
    public var attemptedCases: Int
    /// Mean reward over the run's cases, as recorded.
    public var avgReward: Double
    /// `completed_cases / total_cases`, 0 without cases.
    public var completionRate: Double
    /// Mean steps per case, as recorded (RLM Code's `avg_steps`).
    public var avgSteps: Double
    /// Trial records the figures below are computed from.
    public var trials: Int
    /// Mean tokens per trial, prompt and completion together.
    public var meanTokens: Double
    /// Mean cost per trial, in the provider's currency.
    public var meanCost: Double
    /// 95th percentile of trial latency, in seconds.
    public var p95Latency: Double
    /// Programs the sandbox's guardrails refused, summed over trials.
    public var guardrailBlocked: Int
    /// Trials that ended in an infrastructure error (a provider, MCP or sandbox failure).
    public var infrastructureErrors: Int
    /// `infrastructure_errors / trials`: failures of what runs the trial, not of the strategy.
    public var errorRate: Double

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases", attemptedCases = "attempted_cases"
        case avgReward = "avg_reward", completionRate = "completion_rate", avgSteps = "avg_steps", trials
        case meanTokens = "mean_tokens", meanCost = "mean_cost", p95Latency = "p95_latency_seconds"
        case guardrailBlocked = "guardrail_blocked", infrastructureErrors = "infrastructure_errors"
        case errorRate = "error_rate"
    }
}
