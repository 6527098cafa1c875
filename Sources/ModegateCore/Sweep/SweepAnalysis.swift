/// Turns one preset's samples (one per shape) into its points and crossovers. Every interval comes
/// from one run of `PairedBootstrap` over the case slots (`SweepStatistic`), seeded, so the same
/// trials give the same report on any machine.
public struct SweepAnalysis: Sendable {
    /// Bootstrap resamples.
    public var resamples: Int
    /// The intervals' level.
    public var confidence: Double
    /// The bootstrap's seed.
    public var seed: UInt64

    /// An analysis at these settings.
    public init(resamples: Int, confidence: Double, seed: UInt64) {
        self.resamples = resamples
        self.confidence = confidence
        self.seed = seed
    }

    /// The preset's sweep; `samples` in any order (they are sorted by fan-out).
    public func sweep(preset: String, suite: String, mapping: String, samples: [SweepSample]) -> SweepReport.PresetSweep {
        let samples = samples.sorted { $0.shape < $1.shape }
        let statistic = Self.statistic(samples)
        let observed = statistic.values(drawn: Array(0..<statistic.caseCount))
        let intervals = statistic.caseCount > 0
            ? PairedBootstrap.intervals(of: statistic, resamples: resamples, confidence: confidence, seed: seed)
            : [ConfidenceInterval?](repeating: nil, count: statistic.figureCount)
        func estimate(_ slot: Int) -> SweepEstimate {
            SweepEstimate(value: observed[slot].isFinite ? observed[slot] : nil, interval: intervals[slot])
        }
        let points = samples.enumerated().map { shapeIndex, sample in
            let figures = SweepMetric.allCases.map { metric in
                SweepFigure(
                    metric: metric,
                    baseline: estimate(SweepStatistic.index(shape: shapeIndex, metric: metric, part: 0)),
                    candidate: estimate(SweepStatistic.index(shape: shapeIndex, metric: metric, part: 1)),
                    comparison: estimate(SweepStatistic.index(shape: shapeIndex, metric: metric, part: 2)))
            }
            return SweepReport.Point(
                shape: sample.shape, cases: sample.caseIDs.count, pairedTrials: sample.pairs.count,
                baselineRun: sample.baselineRun, candidateRun: sample.candidateRun, wallSeconds: sample.wallSeconds, figures: figures)
        }
        let crossovers = SweepMetric.crossoverMetrics.map { metric in
            let slots = samples.indices.map { SweepStatistic.index(shape: $0, metric: metric, part: 2) }
            let completion = samples.indices.map { observed[SweepStatistic.index(shape: $0, metric: .completionRate, part: 2)] >= -1e-9 }
            return SweepCrossover(
                metric: metric, shapes: samples.map(\.shape), ratios: slots.map { observed[$0] }, intervals: slots.map { intervals[$0] },
                interval: intervals[statistic.crossoverIndex(metric)], keepsCompletion: completion)
        }
        return SweepReport.PresetSweep(preset: preset, suite: suite, mapping: mapping, points: points, crossovers: crossovers)
    }

    /// Per case slot and shape, both arms' sums. A slot is the position of the case id in its
    /// sample's `caseIDs`; slots beyond the shortest sample are left out, so every slot has a case
    /// at every shape.
    static func statistic(_ samples: [SweepSample]) -> SweepStatistic {
        let slots = samples.map(\.caseIDs.count).min() ?? 0
        var sums = [[ArmPair<SweepArmSums>]](
            repeating: [ArmPair<SweepArmSums>](repeating: ArmPair(baseline: SweepArmSums(), candidate: SweepArmSums()), count: samples.count),
            count: slots)
        for (shapeIndex, sample) in samples.enumerated() {
            let slotOf = Dictionary(sample.caseIDs.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
            for pair in sample.pairs {
                guard let slot = slotOf[pair.candidate.key.caseID], slot < slots else { continue }
                sums[slot][shapeIndex].baseline.add(pair.baseline)
                sums[slot][shapeIndex].candidate.add(pair.candidate)
            }
        }
        return SweepStatistic(sums: sums, fanOuts: samples.map(\.shape.fanOut))
    }
}
