/// Paired trials grouped by case, in key order (a case's repetitions are adjacent there): one
/// sums value per case, built by the caller's `add`, with the case's key and its paired
/// latencies. The gates' bootstrap, the cost comparison and sequential judging all resample or
/// look at cases, so they share this one pass.
struct CaseGroups<Sums> {
    var keys: [CaseKey] = []
    var sums: [Sums] = []
    var latencies: [PairedBootstrap.CaseLatencies] = []

    /// Groups `pairs`, which must be in key order (as `Pairing` gives them).
    init(_ pairs: [Pairing.Pair], empty: Sums, add: (inout Sums, Pairing.Pair) -> Void) {
        for pair in pairs {
            let key = pair.candidate.key.caseKey
            if key != keys.last {
                keys.append(key)
                sums.append(empty)
                latencies.append(PairedBootstrap.CaseLatencies(candidate: [], baseline: []))
            }
            let last = sums.count - 1
            add(&sums[last], pair)
            latencies[last].candidate.append(pair.candidate.latency)
            latencies[last].baseline.append(pair.baseline.latency)
        }
    }
}
