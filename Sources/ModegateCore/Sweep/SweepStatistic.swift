import Foundation

/// A sweep's figures as one bootstrap statistic, so `PairedBootstrap` draws them all from the
/// same resamples. The unit resampled is a *case slot*: slot `i` is the case of seed index `i`,
/// played at every shape. Slots are independent of each other, so drawing slots with replacement
/// resamples every shape's cases at once, and a crossover computed across shapes from one draw
/// is a valid replicate of the crossover.
///
/// Figures, in order: for every shape and every `SweepMetric`, the baseline's value, the
/// candidate's value and their comparison (ratio for costs, difference for shares); then, for
/// every `SweepMetric.crossoverMetrics`, the fan-out where the candidate starts to pay (NaN when
/// the resample does not cross inside the swept range).
struct SweepStatistic: ResampledStatistic {
    /// `sums[slot][shape]`: both arms' sums of that case slot at that shape.
    let sums: [[ArmPair<SweepArmSums>]]
    /// The shapes' fan-outs, ascending.
    let fanOuts: [Int]

    static let metrics = SweepMetric.allCases
    static let perShape = metrics.count * 3

    var caseCount: Int { sums.count }
    var figureCount: Int { fanOuts.count * Self.perShape + SweepMetric.crossoverMetrics.count }

    /// The slot of figure `part` (0 baseline, 1 candidate, 2 comparison) of `metric` at `shape`.
    static func index(shape: Int, metric: SweepMetric, part: Int) -> Int {
        shape * perShape + metrics.firstIndex(of: metric)! * 3 + part
    }

    /// The slot of the crossover of `metric`.
    func crossoverIndex(_ metric: SweepMetric) -> Int {
        fanOuts.count * Self.perShape + SweepMetric.crossoverMetrics.firstIndex(of: metric)!
    }

    func figures(drawn: [Int], into figures: inout [Double]) {
        for (slot, value) in values(drawn: drawn).enumerated() { figures[slot] = value }
    }

    /// Every figure over the drawn slots; all slots drawn once gives the observed figures.
    func values(drawn: [Int]) -> [Double] {
        var out = [Double](repeating: .nan, count: figureCount)
        var ratios: [SweepMetric: [Double]] = [:]
        for shape in fanOuts.indices {
            var baseline = SweepArmSums()
            var candidate = SweepArmSums()
            for slot in drawn {
                baseline.add(sums[slot][shape].baseline)
                candidate.add(sums[slot][shape].candidate)
            }
            for metric in Self.metrics {
                let base = baseline.value(metric)
                let cand = candidate.value(metric)
                let comparison = metric.isCost ? (base > 0 ? cand / base : .nan) : cand - base
                out[Self.index(shape: shape, metric: metric, part: 0)] = base
                out[Self.index(shape: shape, metric: metric, part: 1)] = cand
                out[Self.index(shape: shape, metric: metric, part: 2)] = comparison
                ratios[metric, default: []].append(comparison)
            }
        }
        for metric in SweepMetric.crossoverMetrics {
            out[crossoverIndex(metric)] = SweepCrossover.finalCrossing(fanOuts: fanOuts, ratios: ratios[metric] ?? []) ?? .nan
        }
        return out
    }
}
