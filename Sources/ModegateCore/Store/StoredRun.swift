import Foundation

/// A run as the judge and the listing commands see it: a native run folder, or an RLM Code
/// benchmark summary imported read-only.
public struct StoredRun: Sendable, Hashable {
    /// Where a run came from.
    public enum Source: String, Sendable, Codable {
        /// A modegate run folder.
        case native
        /// An RLM Code `.rlm_code/rlm/benchmarks/*.json` summary: top-level metrics and case results only.
        case rlmCode = "rlm_code"
    }

    /// The run's id, as references name it.
    public var id: String
    /// A native run folder or an RLM Code summary.
    public var source: Source
    /// The run folder (native) or the summary file (RLM Code).
    public var path: String
    /// The run's `summary.json`, or the RLM Code summary file itself.
    public var summaryPath: String
    /// The strategy the run recorded; nil when an RLM Code summary does not say.
    public var strategy: Strategy?
    /// A native run's manifest; nil for RLM Code runs.
    public var manifest: RunManifest?
    /// The run-level figures point mode compares.
    public var summary: RunMetrics
    /// The presets the run covers, as recorded.
    public var presets: [String]
    /// Per-trial outcomes: native runs from `results.jsonl`, RLM Code runs from `case_results`.
    public var trials: [TrialOutcome]
    /// False when a native run has no `summary.json` yet: interrupted before it finished.
    public var isFinished: Bool
    /// True when the run stopped before its workload finished (Ctrl-C, a budget, a failing server).
    public var cancelled: Bool
    /// Why the run was cancelled, when it says.
    public var cancelReason: String?
    /// When the run started, as recorded.
    public var startedAt: Date?
    /// When the run finished, as recorded; nil while a native run is unfinished.
    public var finishedAt: Date?
    /// Problems that did not stop loading (a torn last line of `results.jsonl`, say).
    public var warnings: [String]
    /// Restarts of each MCP server that went away during the run, with their reasons (its
    /// summary's `mcp_restarts` and `mcp_restart_reasons`).
    public var restarts = MCPRestarts()
    /// Restarts of each MCP server that went away during the run (its summary's `mcp_restarts`).
    public var mcpRestarts: [String: Int] { restarts.counts }
    /// How the arm's model used its tools (its summary's `adoption`), when recorded.
    public var adoption: CodeModeAdoption?
    /// How the arm used each MCP server it was offered (its summary's `server_adoption`).
    public var serverAdoption: [String: ServerAdoptionTotals]? = nil
    /// What the run's figures depend on (its summary's `provenance`), when recorded.
    public var provenance: RunProvenance?
    /// Cost figures the run does not record, which reports show as not recorded rather than 0:
    /// cost without `model.pricing`; cost, cached tokens and tool bytes in RLM Code summaries.
    public var notRecorded: Set<CostFigure.Name> = []
    /// The pricing currency of the run's costs (ISO 4217), when its plan names one.
    public var currency: String?
    /// True when the run's token counts were estimated (the scripted model), not reported.
    public var tokensEstimated = false

    /// The recorded time that orders runs: finish, else start. Never a file modification time.
    public var orderingDate: Date? { finishedAt ?? startedAt }

}
