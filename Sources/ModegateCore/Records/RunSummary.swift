import Foundation

/// `summary.json` of a run (DESIGN §7): RLM Code's summary fields with their meanings, plus totals
/// of every trial field, payload suppression, cost and a per-preset breakdown.
public struct RunSummary: Sendable, Codable, Hashable {
    /// The `schema_version` this version writes.
    public static let currentSchemaVersion = RecordSchema.current

    /// The summary format's version (not an RLM Code field: it tells the two apart).
    public var schemaVersion: Int
    /// The run id (RLM Code's name for it).
    public var benchmarkID: String
    /// The preset, or the presets joined by commas when a run covers several.
    public var preset: String
    /// RLM Code's `mode`: `harness` for every run modegate makes.
    public var mode: String
    /// RLM Code's `mcp_enabled`: whether the arm reached its tools (or ran its programs) over MCP.
    public var mcpEnabled: Bool
    /// RLM Code's `mcp_server`: the MCP servers it reached (gate keys, or `modegate serve SUITE`
    /// for suites served over stdio), comma-separated; nil without MCP.
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
    /// The same restarts by server and reason (`crash`, `hang`, `protocol`); absent when no
    /// server was restarted.
    public var mcpRestartReasons: [String: [String: Int]]?
    /// How a code-mode arm with the built-in runtime was shown its tools; absent for other arms.
    public var toolAPI: ToolAPIFigures?
    /// How the arm's model used its tools: programs, discovery, unknown tools, invalid arguments.
    public var adoption: CodeModeAdoption?
    /// How the arm used each MCP server it was offered, summed over its trials; absent when its
    /// trials were offered none.
    public var serverAdoption: [String: ServerAdoptionTotals]? = nil
    /// Pre-flight warnings about the tools the arm was offered (a name a program or a provider
    /// cannot use as it is); absent when there were none.
    public var toolWarnings: [String]?
    /// Why sequential judging stopped the run before its workload was done (every gate was
    /// decided); absent otherwise. Such a run is finished, not cancelled.
    public var stoppedEarly: String?
    /// What the run's figures depend on, for reusing it as a baseline; absent in runs recorded
    /// before it was kept.
    public var provenance: RunProvenance?

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version", benchmarkID = "benchmark_id", preset, mode
        case mcpEnabled = "mcp_enabled", mcpServer = "mcp_server", harnessStrategy = "harness_strategy", model
        case startedAt = "started_at", finishedAt = "finished_at", totalCases = "total_cases"
        case attemptedCases = "attempted_cases", completedCases = "completed_cases", repetitions
        case avgReward = "avg_reward", avgSteps = "avg_steps", latencySeconds = "latency_seconds"
        case usageTotals = "usage_totals", cancelled, cancelReason = "cancel_reason", caseResults = "case_results"
        case totals, payloadSuppression = "payload_suppression", cost, tokensEstimated = "tokens_estimated", presets
        case mcpRestarts = "mcp_restarts", mcpRestartReasons = "mcp_restart_reasons", toolAPI = "tool_api", adoption, toolWarnings = "tool_warnings"
        case serverAdoption = "server_adoption"
        case stoppedEarly = "stopped_early", provenance
    }

    /// RLM Code's `completed_cases / total_cases`, 0 for an empty run.
    public var completionRate: Double { totalCases > 0 ? Double(completedCases) / Double(totalCases) : 0 }
}
