/// Figures computed from one resample of cases. `PairedBootstrap` draws the case indices (seeded,
/// in chunks) and gives each figure its percentile interval, so every interval of a verdict — the
/// gates' and the costs' — comes from the same resamples of the same cases.
public protocol ResampledStatistic: Sendable {
    /// Cases the bootstrap draws from, with replacement, as many as there are.
    var caseCount: Int { get }
    /// Figures each resample yields; always the same number.
    var figureCount: Int { get }
    /// Writes the figures of the resample that drew `drawn` (case indices, repeats allowed) into
    /// `figures[0..<figureCount]`; NaN where a figure does not exist in this resample.
    func figures(drawn: [Int], into figures: inout [Double])
}
