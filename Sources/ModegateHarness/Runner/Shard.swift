import ModegateCore

/// `--shard K/N`: a stable partition of cases, so N CI jobs cover the workload exactly once.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Which shard, 1-based.
    public var index: Int
    /// How many shards there are.
    public var count: Int

    /// Shard `index` (1-based) of `count`; the caller checks 1 ≤ index ≤ count.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `K/N` with 1 ≤ K ≤ N; nil for anything else.
    public init?(parsing text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    /// `K/N`, as the flag is written.
    public var description: String { "\(index)/\(count)" }

    /// FNV-1a of "preset/case": stable across runs, machines and versions.
    public func contains(_ key: CaseKey) -> Bool {
        Int(FNV1a.hash(key.description) % UInt64(count)) == index - 1
    }
}
