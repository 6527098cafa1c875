/// The evidence for one gate of the verdict.
public struct GateResult: Sendable, Hashable, Codable {
    public enum Name: String, Sendable, Codable, CaseIterable {
        case reward, completion, steps
        case completionRegressions = "completion_regressions"
        case guardrailBlocked = "guardrail_blocked"
        case errorRate = "error_rate"
        case tokenIncreaseRatio = "token_increase_ratio"
        case costIncreaseRatio = "cost_increase_ratio"
        case p95LatencyIncreaseRatio = "p95_latency_increase_ratio"

        /// The words a release owner reads.
        public var title: String {
            switch self {
            case .reward: "Reward delta"
            case .completion: "Completion-rate delta"
            case .steps: "Steps increase"
            case .completionRegressions: "Completion regressions"
            case .guardrailBlocked: "Guardrail blocked"
            case .errorRate: "Infrastructure error rate"
            case .tokenIncreaseRatio: "Token increase ratio"
            case .costIncreaseRatio: "Cost increase ratio"
            case .p95LatencyIncreaseRatio: "p95 latency increase ratio"
            }
        }
    }

    public enum Status: String, Sendable, Codable, CaseIterable {
        case pass, fail, inconclusive
    }

    /// Which side of the threshold passes.
    public enum Comparison: String, Sendable, Codable {
        case atLeast = "at_least"
        case atMost = "at_most"

        public var symbol: String { self == .atLeast ? ">=" : "<=" }
    }

    public var name: Name
    public var status: Status
    public var observed: Double
    public var threshold: Double
    public var comparison: Comparison
    /// The bootstrap interval (statistical mode, delta and ratio gates).
    public var interval: ConfidenceInterval?
    /// McNemar's one-sided p-value (statistical mode, completion regressions).
    public var pValue: Double?
    /// For an inconclusive gate: roughly how many paired cases would decide it at today's estimate.
    public var casesNeeded: Int?
    /// One sentence saying what was measured and why the gate landed where it did.
    public var detail: String

    public init(
        name: Name, status: Status, observed: Double, threshold: Double, comparison: Comparison,
        interval: ConfidenceInterval? = nil, pValue: Double? = nil, casesNeeded: Int? = nil, detail: String
    ) {
        self.name = name
        self.status = status
        self.observed = observed
        self.threshold = threshold
        self.comparison = comparison
        self.interval = interval
        self.pValue = pValue
        self.casesNeeded = casesNeeded
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case name, status, observed, threshold, comparison, interval, detail
        case pValue = "p_value", casesNeeded = "cases_needed"
    }
}
