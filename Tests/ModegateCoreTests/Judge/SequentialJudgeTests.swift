import Foundation
import Testing
@testable import ModegateCore

/// Sequential judging's error rates over many looks, by simulation: each simulated run is
/// looked at after every batch, as the runner does, and its reward gate decided at the first
/// look whose confidence sequence clears the threshold. The simulations yield between runs:
/// seconds of arithmetic must not hold the concurrency pool's two threads from other suites'
/// servers and tasks.
@Suite struct SequentialJudgeTests {
    static let settings = JudgementSettings(
        mode: .statistical, confidence: 0.95, bootstrapResamples: 1000, seed: 42,
        sequential: .init(batchCases: 10, minCases: 20))

    static var thresholds: Thresholds {
        var thresholds = Thresholds.rlmDefaults
        thresholds.minRewardDelta = -0.05
        thresholds.failOnCompletionRegression = false
        return thresholds
    }

    /// `cases` paired cases whose reward differences are Δ + case effect + noise, clamped to [−1, 1].
    static func pairs(cases: Int, delta: Double, noise: inout Noise) -> [Pairing.Pair] {
        (0..<cases).map { index in
            let caseShift = 0.2 * PowerPlanTests.gaussian(&noise)
            let difference = min(1, max(-1, delta + caseShift + 0.2 * PowerPlanTests.gaussian(&noise)))
            let key = PairKey(preset: "p", caseID: String(format: "c%04d", index), repetition: 0)
            return Pairing.Pair(
                candidate: TrialOutcome(key: key, completed: true, reward: 0.5 + difference / 2, steps: 3),
                baseline: TrialOutcome(key: key, completed: true, reward: 0.5 - difference / 2, steps: 3))
        }
    }

    struct Scenario {
        var fails = 0
        var passes = 0
        var casesUsed = 0.0
    }

    static func simulate(delta: Double, runs: Int, cases: Int, seed: UInt64) async -> Scenario {
        var noise = Noise(seed: seed)
        var scenario = Scenario()
        let judge = Judge(thresholds: thresholds, settings: settings)
        for _ in 0..<runs {
            await Task.yield()
            let evaluation = judge.sequentialEvaluation(pairs: pairs(cases: cases, delta: delta, noise: &noise), atEnd: true)
            guard let reward = evaluation.gates.first(where: { $0.name == .reward }) else { continue }
            if reward.status == .fail { scenario.fails += 1 }
            if reward.status == .pass { scenario.passes += 1 }
            // The look the reward gate was decided at, in cases (the whole workload when undecided).
            let used = evaluation.decidedAt[.reward].map { evaluation.lookCases[$0 - 1] } ?? cases
            scenario.casesUsed += Double(used) / Double(cases)
        }
        scenario.casesUsed /= Double(runs)
        return scenario
    }

    /// No true change (Δ = 0, on the passing side of the −0.05 margin): fail in at most 5 % of
    /// runs. A true drop beyond the margin (Δ = −0.10): pass in at most 5 %. The allowance is two
    /// binomial standard errors over 300 runs (2.5 points).
    @Test func errorRatesHoldOverManyLooks() async {
        let runs = 300
        let none = await Self.simulate(delta: 0, runs: runs, cases: 400, seed: 1)
        let drop = await Self.simulate(delta: -0.10, runs: runs, cases: 400, seed: 2)
        let noneFail = Double(none.fails) / Double(runs)
        let dropPass = Double(drop.passes) / Double(runs)
        print(String(format: "sequential: no change: fail %.3f, pass %.3f, cases used %.2f; drop −0.10: pass %.3f, fail %.3f, cases used %.2f",
                     noneFail, Double(none.passes) / Double(runs), none.casesUsed, dropPass, Double(drop.fails) / Double(runs), drop.casesUsed))
        #expect(noneFail <= 0.05 + 0.025)
        #expect(dropPass <= 0.05 + 0.025)
        // And it decides: most runs stop before the workload ends.
        #expect(none.passes > runs / 2 && drop.fails > runs / 2)
    }

    /// Looking after every batch with the fixed-size bootstrap interval instead would fail far
    /// more often than 5 % under no change at the margin: the reason for confidence sequences.
    @Test func peekingWithFixedIntervalsWouldNotHold() async {
        var noise = Noise(seed: 3)
        var fixedSettings = Self.settings
        fixedSettings.sequential = nil
        fixedSettings.bootstrapResamples = 400
        var thresholds = Self.thresholds
        thresholds.minRewardDelta = 0
        let judge = Judge(thresholds: thresholds, settings: fixedSettings)
        var everFailed = 0
        let runs = 60
        for _ in 0..<runs {
            await Task.yield()
            let all = Self.pairs(cases: 200, delta: 0, noise: &noise)
            for end in stride(from: 20, through: 200, by: 10) {
                let slice = Array(all[..<end])
                let candidate = RunBuilder(id: "c", strategy: .codemode).stored(slice.map(\.candidate))
                let baseline = RunBuilder(id: "b", strategy: .toolCall).stored(slice.map(\.baseline))
                if judge.judge(candidate: candidate, baseline: baseline).gates.first(where: { $0.name == .reward })?.status == .fail {
                    everFailed += 1
                    break
                }
            }
        }
        print("sequential: peeking at a fixed 95% bootstrap interval 19 times under no change failed \(everFailed) of \(runs) runs")
        #expect(Double(everFailed) / Double(runs) > 0.1)
    }

    @Test func identicalDifferencesDoNotDecideFromAHandfulOfCases() {
        let key = { (index: Int) in PairKey(preset: "p", caseID: "c\(index)", repetition: 0) }
        let pairs = (0..<20).map {
            Pairing.Pair(candidate: TrialOutcome(key: key($0), completed: true, reward: 1, steps: 3),
                         baseline: TrialOutcome(key: key($0), completed: true, reward: 1, steps: 3))
        }
        let evaluation = Judge(thresholds: Self.thresholds, settings: Self.settings).sequentialEvaluation(pairs: pairs, atEnd: false)
        #expect(evaluation.gates.first?.status == .inconclusive, "twenty equal cases are not proof within 0.05")
        #expect(!evaluation.allDecided)
    }

    @Test func theRegressionEProcessesAreValidAndDecide() {
        #expect(SequentialRegressionTest(losses: 0, gains: 0).logFailEvidence.magnitude < 1e-9, "no evidence is E = 1")
        #expect(SequentialRegressionTest(losses: 9, gains: 0).status(confidence: 0.95) == .fail)
        #expect(SequentialRegressionTest(losses: 0, gains: 9).status(confidence: 0.95) == .pass)
        #expect(SequentialRegressionTest(losses: 3, gains: 2).status(confidence: 0.95) == .inconclusive)
        // Under no change (q = ½), E_fail crosses 20 in at most 5 % of sequences of 500 pairs.
        var noise = Noise(seed: 8)
        var crossed = 0
        for _ in 0..<400 {
            var losses = 0
            var gains = 0
            for _ in 0..<500 {
                if noise.chance(0.5) { losses += 1 } else { gains += 1 }
                if SequentialRegressionTest(losses: losses, gains: gains).logFailEvidence >= log(20) {
                    crossed += 1
                    break
                }
            }
        }
        print("sequential: regression e-process under no change crossed 1/α in \(crossed) of 400 sequences")
        #expect(Double(crossed) / 400 <= 0.05 + 0.022)
    }

    @Test func casesAreOrderedByTheirOwnKeyAndTheSeed() {
        let keys = (0..<50).map { CaseKey(preset: "p", caseID: "c\($0)") }
        let order = SequentialOrder.sorted(keys, seed: 7)
        #expect(order != keys && Set(order) == Set(keys))
        #expect(SequentialOrder.sorted(Array(keys.prefix(10)), seed: 7) == order.filter { keys.prefix(10).contains($0) })
        #expect(SequentialOrder.sorted(keys, seed: 8) != order)
    }
}
