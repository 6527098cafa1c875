import Foundation

/// `summary.json` of a run (DESIGN §7): RLM Code's summary fields with their meanings, plus totals
/// of every trial field, payload suppression, cost and a per-preset breakdown.
public struct RunSummary: Sendable, Codable, Hashable {
    /// The `schema_version` this version writes.
    public static let currentSchemaVersion = 1

    /// The summary format's version (not an RLM Code field: it tells the two apart).
    public var schemaVersion: Int
    /// The run id (RLM Code's name for it).
    public var benchmarkID: String
    /// The preset, or the presets joined by commas when a run covers several.
    public var preset: String
    /// RLM Code's `mode`: `harness` for every run modegate makes.
    public var mode: String
    /// RLM Code's `mcp_enabled`: whether the run reached its tools over MCP, as the caller of
    /// `summarizing` says (false unless told).
    public var mcpEnabled: Bool
    /// RLM Code's `mcp_server`: the MCP server the caller of `summarizing` named, if any.
    public var mcpServer: String?
    /// RLM Code's `harness_strategy`: how the arm used tools.
    public var harnessStrategy: Strategy
    /// The model's name, from the manifest.
    public var model: String?
    /// When the run opened, from the manifest.
    public var startedAt: Date
    /// When the run finished; nil in a summary computed for an unfinished run.
    public var finishedAt: Date?
    /// Planned trials (cases × repetitions); RLM Code's cases, since each repetition is scored alone.
    public var totalCases: Int
    /// Trials played and recorded; fewer than `total_cases` when the run stopped early.
    public var attemptedCases: Int
    /// Trials that completed: a schema-valid final answer without an error.
    public var completedCases: Int
    /// Trials per case.
    public var repetitions: Int
    /// Mean reward over attempted trials.
    public var avgReward: Double
    /// Mean steps (model requests) over attempted trials.
    public var avgSteps: Double
    /// RLM Code's `latency_seconds`: the spread of trials' total latency.
    public var latencySeconds: LatencySummary
    /// RLM Code's `usage_totals`: model requests and tokens over all trials.
    public var usageTotals: UsageTotals
    /// The run stopped before its workload was done (Ctrl-C, budget, a server that stayed down).
    public var cancelled: Bool
    /// Why it stopped, a `StopReason`'s description; nil when it was not cancelled.
    public var cancelReason: String?
    /// One entry per trial, by preset, case and repetition.
    public var caseResults: [CaseResult]
    /// Sums of every countable trial field.
    public var totals: TrialTotals
    /// 1 − model-visible tool bytes / tool response bytes; nil without tool traffic.
    public var payloadSuppression: Double?
    /// The run's cost at the gate's prices (the same as `totals.cost`).
    public var cost: Double
    /// True when any trial's token counts were estimated rather than reported.
    public var tokensEstimated: Bool
    /// Each preset's share of the run, by preset name.
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
    /// The case's id within its preset.
    public var caseID: String
    /// The case's preset.
    public var preset: String
    /// 0-based repetition index.
    public var repetition: Int
    /// The trial completed.
    public var completed: Bool
    /// The trial's reward, in [0, 1].
    public var totalReward: Double
    /// Model requests the trial made.
    public var steps: Int

    /// An entry as given.
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

/// The spread of trials' total latency, in seconds: RLM Code's `latency_seconds`.
public struct LatencySummary: Sendable, Codable, Hashable {
    /// Mean.
    public var avg: Double
    /// Median (type-7 quantile, as are the percentiles below).
    public var p50: Double
    /// 95th percentile.
    public var p95: Double
    /// 99th percentile.
    public var p99: Double
    /// The slowest trial.
    public var max: Double

    /// Figures as given; all 0 describes a run without trials.
    public init(avg: Double = 0, p50: Double = 0, p95: Double = 0, p99: Double = 0, max: Double = 0) {
        self.avg = avg
        self.p50 = p50
        self.p95 = p95
        self.p99 = p99
        self.max = max
    }
}

/// What a run asked of the model: RLM Code's `usage_totals`.
public struct UsageTotals: Sendable, Codable, Hashable {
    /// Model requests over all trials.
    public var totalCalls: Int
    /// Input tokens over all trials.
    public var promptTokens: Int
    /// Output tokens over all trials.
    public var completionTokens: Int

    /// Totals as given; none by default.
    public init(totalCalls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0) {
        self.totalCalls = totalCalls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    enum CodingKeys: String, CodingKey {
        case totalCalls = "total_calls", promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
    }
}

/// One preset's share of a run (`presets.NAME` of `summary.json`), over its attempted
/// trials.
public struct PresetBreakdown: Sendable, Codable, Hashable {
    /// Trials of the preset that were played (attempted, where the run's `total_cases` is planned).
    public var totalCases: Int
    /// Of those, trials that completed.
    public var completedCases: Int
    /// Mean reward of those trials.
    public var avgReward: Double
    /// Mean steps of those trials.
    public var avgSteps: Double

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases"
        case avgReward = "avg_reward", avgSteps = "avg_steps"
    }
}
