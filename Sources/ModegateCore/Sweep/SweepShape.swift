import Foundation

/// One size of a sweep: `shards` × `candidates` per shard, the Code Mode Probe's orchestration
/// shape. Its fan-out (`shards × candidates`) is the number of items a case has to fetch, the size
/// a sweep's figures are plotted against and the crossover is stated in.
public struct SweepShape: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Shards (or, for a suite that maps them so, searches) a case covers.
    public var shards: Int
    /// Items per shard a case has to fetch.
    public var candidates: Int

    /// A shape as given; `parse` is what checks one written by a user.
    public init(shards: Int, candidates: Int) {
        self.shards = shards
        self.candidates = candidates
    }

    /// Items fetched in all: the size of the shape.
    public var fanOut: Int { shards * candidates }

    /// `SxC`, as `--shapes` takes it.
    public var description: String { "\(shards)x\(candidates)" }

    /// Smaller fan-out first; equal fan-outs cannot both be in one sweep.
    public static func < (lhs: SweepShape, rhs: SweepShape) -> Bool {
        (lhs.fanOut, lhs.shards) < (rhs.fanOut, rhs.shards)
    }

    /// The shapes of a `--shapes` value (`1x1,5x5,10x10,20x50`; `×` or `X` also separate the two
    /// numbers), smallest fan-out first. Throws `SweepInputError` naming the entry and the fix.
    public static func parseList(_ text: String, flag: String = "--shapes") throws -> [SweepShape] {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces }
        guard !entries.isEmpty, !entries.allSatisfy(\.isEmpty) else {
            throw SweepInputError("\(flag) is empty; give shapes as SHARDSxCANDIDATES separated by commas, e.g. \(flag) 1x1,5x5,10x10,20x50")
        }
        var shapes: [SweepShape] = []
        for entry in entries {
            let shape = try parse(entry, flag: flag)
            if let same = shapes.first(where: { $0.fanOut == shape.fanOut }) {
                throw SweepInputError("\(flag): \(same) and \(shape) have the same fan-out (\(shape.fanOut)); a sweep plots against fan-out, so keep one of them")
            }
            shapes.append(shape)
        }
        return shapes.sorted()
    }

    /// One `SxC` entry.
    public static func parse(_ entry: String, flag: String = "--shapes") throws -> SweepShape {
        let parts = entry.lowercased().replacingOccurrences(of: "×", with: "x").split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let shards = Int(parts[0]), let candidates = Int(parts[1]) else {
            throw SweepInputError("\(flag): '\(entry)' is not a shape; write SHARDSxCANDIDATES (shards × candidates per shard), e.g. 5x5, and separate shapes with commas: \(flag) 1x1,5x5,10x10,20x50")
        }
        guard shards >= 1, candidates >= 1 else {
            throw SweepInputError("\(flag): '\(entry)' has a zero or negative size; both numbers must be at least 1, e.g. 1x1")
        }
        return SweepShape(shards: shards, candidates: candidates)
    }
}

private extension Substring {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
