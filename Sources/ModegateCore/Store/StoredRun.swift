import Foundation

/// A run as the judge and the listing commands see it: a native run folder, or an RLM Code
/// benchmark summary imported read-only.
public struct StoredRun: Sendable, Hashable {
    public enum Source: String, Sendable, Codable {
        case native
        /// An RLM Code `.rlm_code/rlm/benchmarks/*.json` summary: top-level metrics and case results only.
        case rlmCode = "rlm_code"
    }

    public var id: String
    public var source: Source
    /// The run folder (native) or the summary file (RLM Code).
    public var path: String
    public var summaryPath: String
    public var strategy: Strategy?
    public var manifest: RunManifest?
    public var summary: RunMetrics
    /// The presets the run covers, as recorded.
    public var presets: [String]
    /// Per-trial outcomes: native runs from `results.jsonl`, RLM Code runs from `case_results`.
    public var trials: [TrialOutcome]
    /// False when a native run has no `summary.json` yet: interrupted before it finished.
    public var isFinished: Bool
    public var cancelled: Bool
    public var cancelReason: String?
    public var startedAt: Date?
    public var finishedAt: Date?
    /// Problems that did not stop loading (a torn last line of `results.jsonl`, say).
    public var warnings: [String]
    /// Restarts of each MCP server that crashed during the run (its summary's `mcp_restarts`).
    public var mcpRestarts: [String: Int] = [:]

    /// The recorded time that orders runs: finish, else start. Never a file modification time.
    public var orderingDate: Date? { finishedAt ?? startedAt }

}

/// The run-level numbers point mode compares, read as the run recorded them (RLM Code parity:
/// never recomputed from case results).
public struct RunMetrics: Sendable, Hashable, Codable {
    public var totalCases: Int
    public var completedCases: Int
    public var attemptedCases: Int
    public var avgReward: Double
    public var avgSteps: Double

    public init(totalCases: Int, completedCases: Int, attemptedCases: Int, avgReward: Double, avgSteps: Double) {
        self.totalCases = totalCases
        self.completedCases = completedCases
        self.attemptedCases = attemptedCases
        self.avgReward = avgReward
        self.avgSteps = avgSteps
    }

    /// `completed_cases / total_cases`, 0 when there are no cases (RLM Code's rule).
    public var completionRate: Double { totalCases > 0 ? Double(completedCases) / Double(totalCases) : 0 }

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases", attemptedCases = "attempted_cases"
        case avgReward = "avg_reward", avgSteps = "avg_steps"
    }
}

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
