import Foundation

/// `summary.json` of a run (DESIGN §7): RLM Code's summary fields with their meanings, plus totals
/// of every trial field, payload suppression, cost and a per-preset breakdown.
public struct RunSummary: Sendable, Codable, Hashable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The run id (RLM Code's name for it).
    public var benchmarkID: String
    /// The preset, or the presets joined by commas when a run covers several.
    public var preset: String
    public var mode: String
    public var mcpEnabled: Bool
    public var mcpServer: String?
    public var harnessStrategy: Strategy
    public var model: String?
    public var startedAt: Date
    public var finishedAt: Date?
    /// Planned trials (cases × repetitions); RLM Code's cases, since each repetition is scored alone.
    public var totalCases: Int
    public var attemptedCases: Int
    public var completedCases: Int
    public var repetitions: Int
    /// Mean reward over attempted trials.
    public var avgReward: Double
    /// Mean steps (model requests) over attempted trials.
    public var avgSteps: Double
    public var latencySeconds: LatencySummary
    public var usageTotals: UsageTotals
    public var cancelled: Bool
    public var cancelReason: String?
    public var caseResults: [CaseResult]
    public var totals: TrialTotals
    /// 1 − model-visible tool bytes / tool response bytes; nil without tool traffic.
    public var payloadSuppression: Double?
    public var cost: Double
    public var tokensEstimated: Bool
    public var presets: [String: PresetBreakdown]
    /// Restarts of each MCP server that crashed during the run, counted in the run whose trial
    /// found it dead and started it again; absent when no server was restarted.
    public var mcpRestarts: [String: Int]?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", benchmarkID = "benchmark_id", preset, mode
        case mcpEnabled = "mcp_enabled", mcpServer = "mcp_server", harnessStrategy = "harness_strategy", model
        case startedAt = "started_at", finishedAt = "finished_at", totalCases = "total_cases"
        case attemptedCases = "attempted_cases", completedCases = "completed_cases", repetitions
        case avgReward = "avg_reward", avgSteps = "avg_steps", latencySeconds = "latency_seconds"
        case usageTotals = "usage_totals", cancelled, cancelReason = "cancel_reason", caseResults = "case_results"
        case totals, payloadSuppression = "payload_suppression", cost, tokensEstimated = "tokens_estimated", presets
        case mcpRestarts = "mcp_restarts"
    }

    /// RLM Code's `completed_cases / total_cases`, 0 for an empty run.
    public var completionRate: Double { totalCases > 0 ? Double(completedCases) / Double(totalCases) : 0 }
}

/// One entry of `case_results`: RLM Code's four fields plus where the trial sits in the workload.
public struct CaseResult: Sendable, Codable, Hashable {
    public var caseID: String
    public var preset: String
    public var repetition: Int
    public var completed: Bool
    public var totalReward: Double
    public var steps: Int

    public init(caseID: String, preset: String, repetition: Int, completed: Bool, totalReward: Double, steps: Int) {
        self.caseID = caseID
        self.preset = preset
        self.repetition = repetition
        self.completed = completed
        self.totalReward = totalReward
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", preset, repetition, completed, totalReward = "total_reward", steps
    }
}

public struct LatencySummary: Sendable, Codable, Hashable {
    public var avg: Double
    public var p50: Double
    public var p95: Double
    public var p99: Double
    public var max: Double

    public init(avg: Double = 0, p50: Double = 0, p95: Double = 0, p99: Double = 0, max: Double = 0) {
        self.avg = avg
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }
}

public struct UsageTotals: Sendable, Codable, Hashable {
    public var totalCalls: Int
    public var promptTokens: Int
    public var completionTokens: Int

    public init(totalCalls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0) {
        self.totalCalls = totalCalls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    enum CodingKeys: String, CodingKey {
        case totalCalls = "total_calls", promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
    }
}

public struct PresetBreakdown: Sendable, Codable, Hashable {
    public var totalCases: Int
    public var completedCases: Int
    public var avgReward: Double
    public var avgSteps: Double

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases"
        case avgReward = "avg_reward", avgSteps = "avg_steps"
    }
}
