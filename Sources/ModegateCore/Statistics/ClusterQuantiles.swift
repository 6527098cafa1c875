/// Type-7 quantiles of the trials of a resample of cases, without gathering and sorting the
/// trials for every resample: each trial is sorted once beside its case, and a resample weighs a
/// trial by how often its case was drawn. One linear pass per resample instead of a sort keeps
/// the latency rows of the costs cheap for runs of 100,000 trials.
struct ClusterQuantiles: Sendable {
    /// Every trial's value, ascending.
    private let values: [Double]
    /// The case of each value in `values`.
    private let cases: [Int32]
    /// Trials per case.
    private let caseSizes: [Int]

    /// Quantiles over `perCase[c]`, the trial values of case `c`.
    init(_ perCase: [[Double]]) {
        var pairs: [(value: Double, caseIndex: Int32)] = []
        pairs.reserveCapacity(perCase.reduce(0) { $0 + $1.count })
        for (index, trials) in perCase.enumerated() {
            for value in trials { pairs.append((value, Int32(index))) }
        }
        pairs.sort { $0.value < $1.value }
        values = pairs.map(\.value)
        cases = pairs.map(\.caseIndex)
        caseSizes = perCase.map(\.count)
    }

    /// The quantiles at `probabilities` of the trials of every case taken `multiplicity[c]` times,
    /// exactly as `ConfidenceInterval.quantile` would give them on the gathered, sorted trials;
    /// NaN when the resample holds no trial.
    func quantiles(_ probabilities: [Double], multiplicity: [Int]) -> [Double] {
        var total = 0
        for (index, count) in multiplicity.enumerated() { total += count * caseSizes[index] }
        guard total > 0 else { return probabilities.map { _ in .nan } }
        // Each quantile interpolates between the order statistics at two ranks.
        var ranks: [Int] = []
        var fractions: [Double] = []
        for probability in probabilities {
            let position = probability * Double(total - 1)
            let below = Int(position.rounded(.down))
            ranks += [below, min(below + 1, total - 1)]
            fractions.append(position - Double(below))
        }
        let order = ranks.indices.sorted { ranks[$0] < ranks[$1] }
        var found = [Double](repeating: .nan, count: ranks.count)
        var next = 0
        var seen = 0
        for index in values.indices where next < order.count {
            let weight = multiplicity[Int(cases[index])]
            guard weight > 0 else { continue }
            seen += weight
            while next < order.count, ranks[order[next]] < seen {
                found[order[next]] = values[index]
                next += 1
            }
        }
        return fractions.indices.map { k in found[2 * k] + (found[2 * k + 1] - found[2 * k]) * fractions[k] }
    }
}
