/// The evidence for one gate of the verdict.
public struct GateResult: Sendable, Hashable, Codable {
    /// The gates, by their names in the gate file and the verdict JSON.
    public enum Name: String, Sendable, Codable, CaseIterable {
        /// Mean reward delta, completion-rate delta and mean steps increase: RLM Code's gates.
        case reward, completion, steps
        /// Paired trials the baseline completed and the candidate did not.
        case completionRegressions = "completion_regressions"
        /// Programs the candidate's guardrails refused.
        case guardrailBlocked = "guardrail_blocked"
        /// The worse arm's share of trials that failed in the infrastructure.
        case errorRate = "error_rate"
        /// Candidate's mean tokens over the baseline's, minus one.
        case tokenIncreaseRatio = "token_increase_ratio"
        /// Candidate's mean cost over the baseline's, minus one.
        case costIncreaseRatio = "cost_increase_ratio"
        /// Candidate's p95 latency over the baseline's, minus one.
        case p95LatencyIncreaseRatio = "p95_latency_increase_ratio"
        /// Share of the candidate's tool calls that went to one MCP server (`server`).
        case serverShare = "server_share"
        /// Share of the candidate's trials that called one MCP server.
        case serverTrialsUsing = "server_trials_using"
        /// Share of one MCP server's calls that failed.
        case serverErrorRate = "server_error_rate"

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
            case .serverShare: "Server share"
            case .serverTrialsUsing: "Trials using server"
            case .serverErrorRate: "Server error rate"
            }
        }
    }

    /// A gate's outcome; only statistical mode gives `inconclusive`.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Met, missed, or not decided by the evidence.
        case pass, fail, inconclusive
    }

    /// Which side of the threshold passes.
    public enum Comparison: String, Sendable, Codable {
        /// The observed value must reach the threshold (deltas).
        case atLeast = "at_least"
        /// The observed value must stay under the threshold (increases, ratios, counts).
        case atMost = "at_most"

        /// `>=` or `<=`, as reports print the comparison.
        public var symbol: String { self == .atLeast ? ">=" : "<=" }
    }

    /// Which gate this is.
    public var name: Name
    /// The MCP server an adoption gate is about; nil for every other gate.
    public var server: String?
    /// Whether it passed.
    public var status: Status
    /// The measured value: a delta, an increase, a ratio or a count; NaN when unmeasurable.
    public var observed: Double
    /// The value the gate file (or a flag, or the default) sets.
    public var threshold: Double
    /// Which side of `threshold` passes.
    public var comparison: Comparison
    /// The bootstrap interval (statistical mode, delta and ratio gates).
    public var interval: ConfidenceInterval?
    /// McNemar's one-sided p-value (statistical mode, completion regressions).
    public var pValue: Double?
    /// For an inconclusive gate: roughly how many paired cases would decide it at today's estimate.
    public var casesNeeded: Int?
    /// One sentence saying what was measured and why the gate landed where it did.
    public var detail: String
    /// A preset's gate when `thresholds.per_preset` counts it (statistical mode): Holm's
    /// correction of its p-value across the run's presets, which decided its status.
    public var holm: HolmAdjustment?
    /// Sequential judging: the look that decided the gate. `observed` and `interval` are that
    /// look's, frozen there, not the whole run's.
    public var decidedAt: DecidingLook?

    /// The look of a sequential run at which a gate was decided.
    public struct DecidingLook: Sendable, Hashable, Codable {
        /// 1-based look.
        public var look: Int
        /// Paired cases seen by that look.
        public var cases: Int
        /// The estimate over every case played since, for comparison (delta and ratio gates).
        public var estimateNow: Double?

        /// A look as given.
        public init(look: Int, cases: Int, estimateNow: Double? = nil) {
            self.look = look
            self.cases = cases
            self.estimateNow = estimateNow
        }

        enum CodingKeys: String, CodingKey {
            case look, cases
            case estimateNow = "estimate_now"
        }
    }

    /// A gate's evidence, as a judge mode computes it.
    public init(
        name: Name, status: Status, observed: Double, threshold: Double, comparison: Comparison,
        interval: ConfidenceInterval? = nil, pValue: Double? = nil, casesNeeded: Int? = nil, detail: String,
        holm: HolmAdjustment? = nil, decidedAt: DecidingLook? = nil
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
        self.holm = holm
        self.decidedAt = decidedAt
    }

    enum CodingKeys: String, CodingKey {
        case name, server, status, observed, threshold, comparison, interval, detail, holm
        case pValue = "p_value", casesNeeded = "cases_needed", decidedAt = "decided_at"
    }

    /// The words a release owner reads, with the server of an adoption gate: `Server share (git)`.
    public var title: String { name.title + (server.map { " (\($0))" } ?? "") }

    /// A name unique within a verdict, for machine-facing outputs (JUnit, annotations, the HTML
    /// plot): `reward`, `server_share.git`.
    public var key: String { name.rawValue + (server.map { ".\($0)" } ?? "") }
}
