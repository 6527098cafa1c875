import ArgumentParser
import Foundation
import ModegateCore

/// One line of `modegate runs --json`.
struct RunListing: Encodable {
    let id: String
    let source: String
    let path: String
    let strategy: String?
    let presets: [String]
    let model: String?
    let startedAt: Date?
    let finishedAt: Date?
    let finished: Bool
    let cancelled: Bool
    let metrics: RunMetrics?

    init(_ entry: RunCatalogEntry) {
        id = entry.id
        source = entry.source.rawValue
        path = entry.path
        strategy = entry.strategy?.rawValue
        presets = entry.presets
        model = entry.model
        startedAt = entry.startedAt
        finishedAt = entry.finishedAt
        finished = entry.isFinished
        cancelled = entry.cancelled
        metrics = entry.metrics
    }

    enum CodingKeys: String, CodingKey {
        case id, source, path, strategy, presets, model, finished, cancelled, metrics
        case startedAt = "started_at", finishedAt = "finished_at"
    }
}
