/// Run-level figures of one arm: RLM Code's metrics plus the extended gates' inputs.
public struct ArmMetrics: Sendable, Hashable, Codable {
    public var totalCases: Int
    public var completedCases: Int
    public var attemptedCases: Int
    public var avgReward: Double
    public var completionRate: Double
    public var avgSteps: Double
    public var trials: Int
    public var meanTokens: Double
    public var meanCost: Double
    public var p95Latency: Double
    public var guardrailBlocked: Int
    public var infrastructureErrors: Int
    public var errorRate: Double

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases", attemptedCases = "attempted_cases"
        case avgReward = "avg_reward", completionRate = "completion_rate", avgSteps = "avg_steps", trials
        case meanTokens = "mean_tokens", meanCost = "mean_cost", p95Latency = "p95_latency_seconds"
        case guardrailBlocked = "guardrail_blocked", infrastructureErrors = "infrastructure_errors"
        case errorRate = "error_rate"
    }
}
