/// The figures a sweep plots against size, per arm. Costs are compared as candidate / baseline
/// (a ratio below 1 means the candidate is cheaper); reward and completion, which are bounded
/// shares, as candidate − baseline.
public enum SweepMetric: String, Sendable, Codable, CaseIterable, Hashable {
    /// Mean prompt + completion tokens per trial.
    case tokens
    /// Mean model requests per trial.
    case modelRequests = "model_requests"
    /// Mean bytes of tool results the model saw per trial.
    case modelVisibleToolBytes = "model_visible_tool_bytes"
    /// Median trial latency, in seconds.
    case latencyP50 = "latency_p50_seconds"
    /// Mean reward.
    case reward
    /// Share of trials that completed.
    case completionRate = "completion_rate"

    /// The words a reader sees.
    public var title: String {
        switch self {
        case .tokens: "Tokens per trial (prompt + completion)"
        case .modelRequests: "Model requests per trial"
        case .modelVisibleToolBytes: "Model-visible tool bytes per trial"
        case .latencyP50: "Latency p50"
        case .reward: "Mean reward"
        case .completionRate: "Completion rate"
        }
    }

    /// True for costs, compared by ratio; false for the shares compared by difference.
    public var isCost: Bool {
        switch self {
        case .tokens, .modelRequests, .modelVisibleToolBytes, .latencyP50: true
        case .reward, .completionRate: false
        }
    }

    /// The metrics whose crossover a sweep states: the cheap, countable ones.
    public static let crossoverMetrics: [SweepMetric] = [.tokens, .modelRequests]
}
