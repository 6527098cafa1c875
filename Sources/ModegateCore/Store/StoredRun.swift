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
