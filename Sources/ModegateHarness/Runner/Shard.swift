import ModegateCore

/// `--shard K/N`: a stable partition of cases, so N CI jobs cover the workload exactly once.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// Which shard, 1-based.
    public var index: Int
    /// How many shards there are.
    public var count: Int

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
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.description.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(hash % UInt64(count)) == index - 1
    }
}
