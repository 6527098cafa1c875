import Foundation

/// A run as listed by `modegate runs`: enough to order and resolve references without reading
/// every trial.
public struct RunCatalogEntry: Sendable, Hashable {
    public var id: String
    public var source: StoredRun.Source
    /// The run folder (native) or the summary file (RLM Code).
    public var path: String
    public var strategy: Strategy?
    public var presets: [String]
    public var model: String?
    public var metrics: RunMetrics?
    public var isFinished: Bool
    public var cancelled: Bool
    public var startedAt: Date?
    public var finishedAt: Date?

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
