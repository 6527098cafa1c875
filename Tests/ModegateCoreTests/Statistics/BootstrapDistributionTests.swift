import Testing
@testable import ModegateCore

@Suite struct BootstrapDistributionTests {
    /// The p-value is the smallest α at which the percentile interval decides the gate, so for
    /// every level away from the crossing itself, `p ≤ α` and "the interval is decided" agree.
    @Test func pValueAgreesExactlyWithThePercentileInterval() throws {
        var noise = Noise(seed: 5)
        for trial in 0..<40 {
            let count = 20 + trial * 7
            let replicates = (0..<count).map { _ in (noise.unit() - 0.5) + (trial.isMultiple(of: 3) ? 0.3 : 0) }
            let distribution = try #require(BootstrapDistribution(replicates: replicates))
            for comparison in [GateResult.Comparison.atLeast, .atMost] {
                for pivot in stride(from: -0.8, through: 0.8, by: 0.1) {
                    let p = distribution.pValue(pivot: pivot, comparison: comparison)
                    for alpha in stride(from: 0.001, through: 0.999, by: 0.0123) where abs(alpha - p) > 1e-9 {
                        let interval = distribution.interval(confidence: 1 - alpha)
                        let decided = comparison == .atLeast
                            ? interval.lower >= pivot || interval.upper < pivot
                            : interval.upper <= pivot || interval.lower > pivot
                        #expect(decided == (p <= alpha), "trial \(trial), \(comparison), pivot \(pivot), α \(alpha), p \(p)")
                    }
                }
            }
        }
    }

    @Test func pivotOutsideEveryReplicateHasPValueZero() throws {
        let distribution = try #require(BootstrapDistribution(replicates: [0.1, 0.2, 0.3, .nan]))
        #expect(distribution.sorted == [0.1, 0.2, 0.3])
        #expect(distribution.pValue(pivot: 0, comparison: .atLeast) == 0)
        #expect(distribution.pValue(pivot: 1, comparison: .atLeast) == 0)
        #expect(distribution.pValue(pivot: 0, comparison: .atMost) == 0)
        // The pivot at the median sits mid-distribution: no level decides it.
        #expect(abs(distribution.pValue(pivot: 0.2, comparison: .atMost) - 1) < 1e-12)
        #expect(BootstrapDistribution(replicates: [.nan]) == nil)
    }

    @Test func intervalsMatchThePercentileIntervalOfTheSameReplicates() throws {
        var replicates = (0...100).map(Double.init).reversed().map { $0 }
        let distribution = try #require(BootstrapDistribution(replicates: replicates))
        #expect(distribution.interval(confidence: 0.9) == ConfidenceInterval.percentile(of: &replicates, confidence: 0.9))
    }
}

@Suite struct HolmCorrectionTests {
    /// Hand values: sorted 0.005, 0.01, 0.03, 0.04 are multiplied by 4, 3, 2, 1 and made monotone.
    @Test func adjustedPValuesMatchHandValues() {
        let holm = HolmCorrection(pValues: [0.01, 0.04, 0.03, 0.005], alpha: 0.05)
        let adjusted = holm.adjustments.map(\.adjustedPValue)
        for (value, expected) in zip(adjusted, [0.03, 0.06, 0.06, 0.02]) { #expect(abs(value - expected) < 1e-12) }
        #expect(holm.adjustments.map(\.rank) == [2, 4, 3, 1])
        #expect(abs(holm.adjustments[3].confidence - (1 - 0.05 / 4)) < 1e-12)
        #expect(abs(holm.adjustments[1].confidence - 0.95) < 1e-12)
        #expect(holm.adjustments.allSatisfy { $0.family == 4 })
    }

    /// Holm never rejects less than Bonferroni (α / m for every member) and caps at 1.
    @Test func rejectsAtLeastWhatBonferroniRejects() {
        var noise = Noise(seed: 11)
        for _ in 0..<200 {
            let pValues = (0..<5).map { _ in noise.unit() * noise.unit() * 0.2 }
            let holm = HolmCorrection(pValues: pValues, alpha: 0.05)
            for (p, adjustment) in zip(pValues, holm.adjustments) {
                if p * 5 <= 0.05 { #expect(adjustment.adjustedPValue <= 0.05) }
                #expect(adjustment.adjustedPValue >= p && adjustment.adjustedPValue <= 1)
            }
        }
        #expect(HolmCorrection(pValues: [0.7], alpha: 0.05).adjustments.first?.adjustedPValue == 0.7)
    }
}
