import ModegateCore

/// Shards × candidates per shard map one to one onto the queue's params; `k = min(5, S·C)`.
extension RepoTriageSuite: ParametricSuite {
    /// `RepoTriageShape`'s own bounds on `shards` and `candidates_per_shard`.
    public var sweepBounds: SweepBounds { SweepBounds(maxShards: 100, maxCandidates: 500) }

    /// One line for the sweep's report.
    public var sweepMapping: String {
        "SxC → params {shards: S, candidates_per_shard: C, k: min(5, S·C), seed}; every candidate fetched with fetch_candidate"
    }

    /// The scalar-fetch triage case of `shape`.
    public func sweepCase(_ shape: SweepShape, seed: Int, id: String) -> PresetCase {
        RepoTriageSweepCase(shape: shape, seed: seed).presetCase(id: id)
    }

    /// One search per shard, one fetch per candidate.
    public func sweepToolCalls(_ shape: SweepShape) -> Int { shape.shards + shape.fanOut }
}
