/// Holm's step-down correction of a family of p-values: it holds the family-wise error rate (the
/// chance of any false decision in the family) at α without assuming the tests are independent,
/// and it rejects everything Bonferroni rejects, often more. The judge's family is one gate
/// across the presets of a run (docs/judge.md, "Per-preset verdicts").
public struct HolmCorrection: Sendable, Hashable {
    /// One adjustment per p-value, in the order they were given.
    public let adjustments: [HolmAdjustment]

    /// Adjusts `pValues` (one per member of the family) for a decision at `alpha`.
    public init(pValues: [Double], alpha: Double) {
        let family = pValues.count
        let order = pValues.indices.sorted { (pValues[$0], $0) < (pValues[$1], $1) }
        var adjustments = [HolmAdjustment?](repeating: nil, count: family)
        var running = 0.0
        for (rank, index) in order.enumerated() {
            // The k-th smallest is tested at α / (m − k + 1); the running maximum keeps the
            // step-down's order (a member cannot be rejected when a smaller p-value was not).
            let remaining = Double(family - rank)
            running = max(running, min(1, remaining * pValues[index]))
            adjustments[index] = HolmAdjustment(
                pValue: pValues[index], adjustedPValue: running, family: family, rank: rank + 1,
                confidence: 1 - alpha / remaining)
        }
        self.adjustments = adjustments.map { $0! }
    }
}
