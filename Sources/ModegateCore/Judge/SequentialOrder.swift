/// The seeded order in which sequential judging plays cases: each case's place comes from a
/// hash of the seed and its (preset, case id) alone, so the scheduler, a resumed run and the
/// judge (which sees only the cases played) all agree on it, and no case's place depends on
/// which other cases the workload has.
public enum SequentialOrder {
    /// The sort key of a case.
    public static func key(_ key: CaseKey, seed: UInt64) -> UInt64 {
        // FNV-1a over the case's identity, then SplitMix64's finaliser with the seed.
        var z = FNV1a.hash("\(key.preset)\u{0}\(key.caseID)") &+ seed &* 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// `cases` in sequential order.
    public static func sorted(_ cases: [CaseKey], seed: UInt64) -> [CaseKey] {
        cases.map { (key($0, seed: seed), $0) }.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map(\.1)
    }
}
