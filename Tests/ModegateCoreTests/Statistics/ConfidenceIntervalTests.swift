import Testing
@testable import ModegateCore

@Suite struct ConfidenceIntervalTests {
    @Test func typeSevenQuantilesMatchHandValues() {
        let values = [1.0, 2.0, 3.0, 4.0]
        #expect(ConfidenceInterval.quantile(sorted: values, 0.5) == 2.5)
        #expect(abs(ConfidenceInterval.quantile(sorted: values, 0.95) - 3.85) < 1e-12)
        #expect(ConfidenceInterval.quantile(sorted: values, 0) == 1)
        #expect(ConfidenceInterval.quantile(sorted: values, 1) == 4)
        #expect(ConfidenceInterval.quantile(sorted: [7], 0.3) == 7)
    }

    @Test func percentileIntervalTrimsBothTails() {
        var replicates = (0...100).map(Double.init).reversed().map { $0 }
        let interval = ConfidenceInterval.percentile(of: &replicates, confidence: 0.9)
        #expect(abs(interval.lower - 5) < 1e-9)
        #expect(abs(interval.upper - 95) < 1e-9)
    }

    @Test func latencySummaryUsesTheSameQuantiles() {
        let summary = LatencySummary([4, 1, 3, 2])
        #expect(summary.avg == 2.5)
        #expect(summary.p50 == 2.5)
        #expect(abs(summary.p95 - 3.85) < 1e-12)
        #expect(summary.max == 4)
    }
}
