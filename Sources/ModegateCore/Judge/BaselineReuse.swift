/// How a verdict's baseline came to be reused (`baseline_reuse` in the verdict): which stored
/// run, and what differs between the provenance it recorded and today's gate. A stale baseline
/// is refused unless `--allow-stale-baseline` said otherwise, which the verdict then records.
public struct BaselineReuse: Sendable, Hashable, Codable {
    /// The stored run judged as the baseline.
    public var run: String
    /// One line per difference of provenance; empty when it matches.
    public var differences: [String]
    /// `--allow-stale-baseline` was given (and needed, when `differences` is not empty).
    public var allowedStale: Bool

    /// A reuse as found.
    public init(run: String, differences: [String], allowedStale: Bool) {
        self.run = run
        self.differences = differences
        self.allowedStale = allowedStale
    }

    /// True when the provenance differs.
    public var isStale: Bool { !differences.isEmpty }

    /// Compares the stored run's provenance with today's; a run that recorded none is stale.
    public static func check(stored: StoredRun, current: RunProvenance, allowStale: Bool) -> BaselineReuse {
        let differences = stored.provenance.map { current.differences(from: $0) }
            ?? ["the stored run records no provenance (it was made by an older modegate), so nothing can be checked"]
        return BaselineReuse(run: stored.id, differences: differences, allowedStale: allowStale)
    }

    enum CodingKeys: String, CodingKey {
        case run, differences
        case allowedStale = "allowed_stale"
    }
}

/// A reused baseline whose provenance differs from the gate's: bad input, exit 3.
public struct StaleBaselineError: Error, Sendable, CustomStringConvertible {
    /// The comparison that failed.
    public var reuse: BaselineReuse

    public init(_ reuse: BaselineReuse) { self.reuse = reuse }

    public var description: String {
        "error: the stored baseline \(reuse.run) was not made under this gate's conditions; nothing was played. What changed:\n"
            + reuse.differences.map { "  - \($0)" }.joined(separator: "\n")
            + "\nplay the baseline again (drop --baseline / baseline.reuse), or judge against it anyway with --allow-stale-baseline (the verdict records it)"
    }
}
