import Foundation
import ModegateCore
import Testing

/// The analysis on synthetic trials: a baseline whose tokens grow with the fan-out's square (every
/// result re-read each turn) against a candidate with a flat overhead and a small per-item cost.
@Suite struct SweepAnalysisTests {
    static let shapes = [SweepShape(shards: 1, candidates: 1), SweepShape(shards: 5, candidates: 5),
                         SweepShape(shards: 10, candidates: 10), SweepShape(shards: 20, candidates: 50)]

    static func sample(_ shape: SweepShape, cases: Int, baseline: (Int, Int) -> Int, candidate: (Int, Int) -> Int) -> SweepSample {
        let ids = (0..<cases).map { "sweep-\(shape)-\($0)" }
        let pairs = ids.enumerated().map { slot, id in
            let key = PairKey(preset: "p", caseID: id, repetition: 1)
            return Pairing.Pair(
                candidate: TrialOutcome(key: key, completed: true, reward: 1, steps: 2, promptTokens: candidate(shape.fanOut, slot), latency: 0.1),
                baseline: TrialOutcome(key: key, completed: true, reward: 1, steps: 3, promptTokens: baseline(shape.fanOut, slot), latency: 0.2))
        }
        return SweepSample(shape: shape, caseIDs: ids, pairs: pairs, baselineRun: "b", candidateRun: "c", wallSeconds: 1)
    }

    @Test func findsTheCrossoverWithAnIntervalAroundIt() throws {
        let samples = Self.shapes.map { shape in
            Self.sample(shape, cases: 6, baseline: { fanOut, slot in 400 + 60 * fanOut + 7 * slot },
                        candidate: { fanOut, slot in 2000 + 5 * fanOut + 11 * slot })
        }
        let sweep = SweepAnalysis(resamples: 500, confidence: 0.95, seed: 7).sweep(preset: "p", suite: "s", mapping: "m", samples: samples.reversed())
        #expect(sweep.points.map(\.shape) == ["1x1", "5x5", "10x10", "20x50"])
        let ratios = sweep.points.compactMap { $0.figure(.tokens)?.comparison.value }
        #expect(ratios[0] > 1 && ratios[3] < 1)
        let tokens = try #require(sweep.crossover(.tokens))
        #expect(tokens.status == .crosses)
        // 400 + 60f = 2000 + 5f at f ≈ 29.1 (slot noise aside); the 5x5 point is above, 10x10 below.
        let estimate = try #require(tokens.estimate)
        #expect(estimate > 25 && estimate < 100)
        let interval = try #require(tokens.interval)
        #expect(interval.lower <= estimate && estimate <= interval.upper)
        #expect(tokens.paysFrom == SweepShape(shards: 10, candidates: 10))
        // Requests: 2 against 3 at every size.
        #expect(sweep.crossover(.modelRequests)?.status == .paysThroughout)
        let reward = try #require(sweep.points[0].figure(.reward))
        #expect(reward.comparison.value == 0 && reward.comparisonKind == "delta")
    }

    @Test func theSameTrialsGiveTheSameReport() {
        let samples = Self.shapes.map { shape in
            Self.sample(shape, cases: 4, baseline: { $0 * 10 + $1 }, candidate: { 100 + $1 * 3 })
        }
        let analysis = SweepAnalysis(resamples: 300, confidence: 0.9, seed: 1)
        #expect(analysis.sweep(preset: "p", suite: "s", mapping: "m", samples: samples)
            == analysis.sweep(preset: "p", suite: "s", mapping: "m", samples: samples))
    }
}
