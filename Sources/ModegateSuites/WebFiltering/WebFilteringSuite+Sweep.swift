import ModegateCore

/// The web's page count is its size: a shape's shards become date-window searches and its
/// candidates the pages read from each (`WebFilteringSweepCase`).
extension WebFilteringSuite: ParametricSuite {
    /// `web_search` returns at most 50 results, so at most 50 pages per window; 50 windows keep
    /// every window at least a week long.
    public var sweepBounds: SweepBounds { SweepBounds(maxShards: 50, maxCandidates: 50) }

    /// One line for the sweep's report.
    public var sweepMapping: String {
        "SxC → a claim check over S date windows of 2024 × the C newest pages of each, every page fetched with fetch_page; "
            + "params {task: claim_check, windows: S, per_window: C, pages_per_topic: 2·S·C, seed}"
    }

    /// The windowed claim check of `shape`.
    public func sweepCase(_ shape: SweepShape, seed: Int, id: String) -> PresetCase {
        WebFilteringSweepCase(shape: shape, seed: seed).presetCase(id: id)
    }

    /// One search per window, at most one fetch per page read.
    public func sweepToolCalls(_ shape: SweepShape) -> Int { shape.shards + shape.fanOut }
}
