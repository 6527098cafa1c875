import Foundation

/// A run as listed by `modegate runs`: enough to order and resolve references without reading
/// every trial.
public struct RunCatalogEntry: Sendable, Hashable {
    /// The run's id, as references name it.
    public var id: String
    /// A native run folder or an RLM Code summary.
    public var source: StoredRun.Source
    /// The run folder (native) or the summary file (RLM Code).
    public var path: String
    /// The strategy the run recorded; nil when an RLM Code summary does not say.
    public var strategy: Strategy?
    /// The presets the run covers.
    public var presets: [String]
    /// The model the run used, from its manifest; nil for RLM Code runs.
    public var model: String?
    /// The run-level figures; nil while a native run has no summary.
    public var metrics: RunMetrics?
    /// False while a native run has no `summary.json`: interrupted, or still running.
    public var isFinished: Bool
    /// True when the run stopped before its workload finished.
    public var cancelled: Bool
    /// When the run started, as recorded.
    public var startedAt: Date?
    /// When the run finished, as recorded.
    public var finishedAt: Date?

    /// The recorded time that orders runs: finish, else start. Never a file modification time.
    public var orderingDate: Date? { finishedAt ?? startedAt }

    /// Newest first by recorded time; runs without any recorded time go last, then by id.
    public static func newestFirst(_ lhs: RunCatalogEntry, _ rhs: RunCatalogEntry) -> Bool {
        switch (lhs.orderingDate, rhs.orderingDate) {
        case let (left?, right?) where left != right: return left > right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.id > rhs.id
        }
    }
}
