/// The sizes a parametric suite can generate: beyond them its data generator refuses (or would
/// silently clamp) the params, so a sweep asks before it plays.
public struct SweepBounds: Sendable, Hashable {
    /// The largest number of shards.
    public var maxShards: Int
    /// The largest number of candidates per shard.
    public var maxCandidates: Int

    /// Bounds as given.
    public init(maxShards: Int, maxCandidates: Int) {
        self.maxShards = maxShards
        self.maxCandidates = maxCandidates
    }

    /// Why `shape` is out of bounds for `preset`, or nil when it fits.
    public func problem(with shape: SweepShape, preset: String) -> String? {
        guard shape.shards > maxShards || shape.candidates > maxCandidates else { return nil }
        return "--shapes: \(shape) is beyond what preset '\(preset)' can generate (at most \(maxShards) shards × \(maxCandidates) candidates); "
            + "use smaller shapes, or leave the preset out with --preset"
    }
}
