import Foundation
import ModegateCore
import Testing

/// The crossover on synthetic ratios: one that crosses, one that never does, one that crosses and
/// then crosses back, and the interval rule of `pays_from`.
@Suite struct SweepCrossoverTests {
    static let shapes = [SweepShape(shards: 1, candidates: 1), SweepShape(shards: 5, candidates: 5),
                         SweepShape(shards: 10, candidates: 10), SweepShape(shards: 20, candidates: 50)]

    static func intervals(_ bounds: [(Double, Double)]) -> [ConfidenceInterval?] {
        bounds.map { ConfidenceInterval(lower: $0.0, upper: $0.1, confidence: 0.95) }
    }

    @Test func aRatioThatCrossesOnceIsInterpolatedInLogLogSpace() throws {
        let ratios = [2.0, 0.5, 0.2, 0.05]
        let crossover = SweepCrossover(
            metric: .tokens, shapes: Self.shapes, ratios: ratios,
            intervals: Self.intervals([(1.8, 2.2), (0.4, 0.6), (0.15, 0.25), (0.04, 0.06)]), interval: nil)
        #expect(crossover.status == .crosses)
        #expect(crossover.paysFrom == SweepShape(shards: 5, candidates: 5))
        // log 2 → log 0.5 over log 1 → log 25: the midpoint, fan-out 5.
        let estimate = try #require(crossover.estimate)
        #expect(abs(estimate - 5) < 1e-9)
        #expect(crossover.crossings.count == 1)
    }

    @Test func aStraddlingIntervalDelaysPaysFromButNotTheEstimate() throws {
        let crossover = SweepCrossover(
            metric: .tokens, shapes: Self.shapes, ratios: [2.0, 0.9, 0.5, 0.2],
            intervals: Self.intervals([(1.8, 2.2), (0.7, 1.1), (0.4, 0.6), (0.1, 0.3)]), interval: nil)
        #expect(crossover.status == .crosses)
        #expect(crossover.paysFrom == SweepShape(shards: 10, candidates: 10))
        #expect(try #require(crossover.estimate) > 1 && crossover.estimate! < 25)
    }

    @Test func aRatioThatNeverDropsBelowOneHasNoCrossoverInRange() {
        let crossover = SweepCrossover(
            metric: .tokens, shapes: Self.shapes, ratios: [3.0, 2.0, 1.5, 1.1],
            intervals: Self.intervals([(2.8, 3.2), (1.8, 2.2), (1.3, 1.7), (0.9, 1.3)]), interval: nil)
        #expect(crossover.status == .neverPays)
        #expect(crossover.paysFrom == nil)
        #expect(crossover.estimate == nil)
        #expect(crossover.crossings.isEmpty)
        #expect(SweepCrossover.finalCrossing(fanOuts: Self.shapes.map(\.fanOut), ratios: [3.0, 2.0, 1.5, 1.1]) == nil)
    }

    @Test func aRatioThatCrossesThenCrossesBackCountsOnlyTheLastDescent() throws {
        let ratios = [1.5, 0.8, 1.2, 0.7]
        let crossover = SweepCrossover(
            metric: .tokens, shapes: Self.shapes, ratios: ratios,
            intervals: Self.intervals([(1.4, 1.6), (0.7, 0.9), (1.1, 1.3), (0.6, 0.8)]), interval: nil)
        #expect(crossover.status == .crosses)
        // 5x5 pays, 10x10 does not, 20x50 does: paying starts at 20x50, where it stays.
        #expect(crossover.paysFrom == SweepShape(shards: 20, candidates: 50))
        #expect(crossover.crossings.count == 3)
        let estimate = try #require(crossover.estimate)
        #expect(estimate > 100 && estimate < 1000)
        #expect(abs(estimate - crossover.crossings[2]) < 1e-9)
    }

    @Test func aCheaperFailureIsNotPaying() {
        let crossover = SweepCrossover(
            metric: .tokens, shapes: Self.shapes, ratios: [2.0, 0.5, 0.2, 0.01],
            intervals: Self.intervals([(1.8, 2.2), (0.4, 0.6), (0.15, 0.25), (0.005, 0.02)]), interval: nil,
            keepsCompletion: [true, true, true, false])
        #expect(crossover.status == .crosses)
        #expect(crossover.paysFrom == nil)
    }

    @Test func aRatioBelowOneEverywherePaysThroughout() {
        let crossover = SweepCrossover(
            metric: .modelRequests, shapes: Self.shapes, ratios: [0.9, 0.8, 0.5, 0.2],
            intervals: Self.intervals([(0.8, 1.05), (0.7, 0.9), (0.4, 0.6), (0.1, 0.3)]), interval: nil)
        #expect(crossover.status == .paysThroughout)
        #expect(crossover.estimate == nil)
        #expect(crossover.paysFrom == SweepShape(shards: 5, candidates: 5))
    }

    @Test func encodesEveryKeyWithNulls() throws {
        let crossover = SweepCrossover(metric: .tokens, status: .neverPays, paysFrom: nil, estimate: nil, interval: nil, crossings: [])
        let json = try JSONValue.parse(StableJSON.string(crossover))
        #expect(json.objectValue?.keys.sorted() == ["crossings", "estimate", "interval", "metric", "pays_from", "status"])
        #expect(json["pays_from"] == .null)
    }
}
