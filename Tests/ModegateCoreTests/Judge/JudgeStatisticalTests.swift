import Foundation
import Testing
@testable import ModegateCore

@Suite struct JudgeStatisticalTests {
    static let settings = JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 2000, seed: 42)

    /// A noisy baseline and a candidate whose per-trial reward differs from it by noise plus `shift`.
    static func runs(cases: Int = 40, repetitions: Int = 3, shift: Double = 0, dropRate: Double = 0, seed: UInt64 = 9)
        -> (candidate: StoredRun, baseline: StoredRun)
    {
        var noise = Noise(seed: seed)
        var base: [[(Bool, Double, Int)]] = []
        var cand: [[(Bool, Double, Int)]] = []
        for _ in 0..<cases {
            var baseRow: [(Bool, Double, Int)] = []
            var candRow: [(Bool, Double, Int)] = []
            for _ in 0..<repetitions {
                let reward = noise.unit()
                let completed = noise.chance(0.85)
                baseRow.append((completed, reward, 3))
                let candidateCompleted = completed && !noise.chance(dropRate)
                candRow.append((candidateCompleted, reward + shift + (noise.unit() - 0.5) * 0.2, 3))
            }
            base.append(baseRow)
            cand.append(candRow)
        }
        let candidate = RunBuilder(id: "cand", strategy: .codemode).run(cases: cases, repetitions: repetitions) { c, r in cand[c][r] }
        let baseline = RunBuilder(id: "base", strategy: .toolCall).run(cases: cases, repetitions: repetitions) { c, r in base[c][r] }
        return (candidate, baseline)
    }

    func judge(_ runs: (candidate: StoredRun, baseline: StoredRun), thresholds: Thresholds = .rlmDefaults,
               settings: JudgementSettings = settings) -> Verdict {
        Judge(thresholds: thresholds, settings: settings).judge(candidate: runs.candidate, baseline: runs.baseline)
    }

    @Test func identicalRunsPass() {
        let runs = Self.runs()
        let verdict = judge((runs.baseline, runs.baseline))
        for gate in verdict.gates { #expect(gate.status == .pass, "\(gate.name): \(gate.detail)") }
        #expect(verdict.status == .pass)
        #expect(verdict.gates.first?.interval == ConfidenceInterval(lower: 0, upper: 0, confidence: 0.95))
    }

    @Test func uniformShiftMovesTheIntervalByTheShift() throws {
        let plain = judge(Self.runs(shift: 0))
        let shifted = judge(Self.runs(shift: 0.25))
        let before = try #require(plain.gates.first { $0.name == .reward }?.interval)
        let after = try #require(shifted.gates.first { $0.name == .reward }?.interval)
        #expect(abs((after.lower - before.lower) - 0.25) < 1e-9)
        #expect(abs((after.upper - before.upper) - 0.25) < 1e-9)
        #expect(before.lower < 0 && before.upper > 0)
    }

    @Test func sameSeedGivesByteIdenticalVerdicts() throws {
        let runs = Self.runs(shift: 0.01)
        let first = try StableJSON.data(judge(runs))
        let second = try StableJSON.data(judge(runs))
        #expect(first == second)
        var other = Self.settings
        other.seed = 43
        #expect(try StableJSON.data(judge(runs, settings: other)) != first)
    }

    @Test func clearImprovementPassesClearDropFails() {
        #expect(judge(Self.runs(shift: 0.2)).gates.first { $0.name == .reward }?.status == .pass)
        let dropped = judge(Self.runs(shift: -0.3))
        #expect(dropped.gates.first { $0.name == .reward }?.status == .fail)
        #expect(dropped.status == .fail)
    }

    @Test func straddlingIntervalIsInconclusiveWithCasesNeeded() throws {
        let verdict = judge(Self.runs(cases: 12, shift: 0))
        let reward = try #require(verdict.gates.first { $0.name == .reward })
        #expect(reward.status == .inconclusive)
        let needed = try #require(reward.casesNeeded)
        #expect(needed > 12)
        #expect(verdict.status == .inconclusive)
        #expect(verdict.exitStatus == .inconclusive)
    }

    @Test func manyCompletionLossesFailMcNemar() throws {
        let verdict = judge(Self.runs(cases: 60, dropRate: 0.3))
        let gate = try #require(verdict.gates.first { $0.name == .completionRegressions })
        #expect(gate.status == .fail)
        #expect((gate.pValue ?? 1) < 0.05)
        #expect(!verdict.completionRegressions.isEmpty)
    }

    @Test func aSingleLossIsInconclusiveNotFail() throws {
        var runs = Self.runs(cases: 10, repetitions: 1)
        runs.baseline.trials = runs.baseline.trials.map { var t = $0; t.completed = true; return t }
        runs.candidate.trials = runs.baseline.trials
        runs.candidate.trials[0].completed = false
        let gate = try #require(judge(runs).gates.first { $0.name == .completionRegressions })
        #expect(gate.status == .inconclusive)
        #expect(gate.pValue == 0.5)
    }

    @Test func repetitionsStayWithTheirCase() throws {
        // The same cases repeated 5 times with identical outcomes carry no more evidence than one
        // repetition: the cluster bootstrap interval must not shrink by √5.
        let once = judge(Self.runs(cases: 30, repetitions: 1, shift: 0.02))
        var repeated = Self.runs(cases: 30, repetitions: 1, shift: 0.02)
        for arm in [\(candidate: StoredRun, baseline: StoredRun).candidate, \.baseline] {
            repeated[keyPath: arm].trials = repeated[keyPath: arm].trials.flatMap { trial in
                (0..<5).map { repetition in var copy = trial; copy.key.repetition = repetition; return copy }
            }
        }
        let widthOnce = try #require(once.gates.first?.interval).halfWidth
        let widthRepeated = try #require(judge(repeated).gates.first?.interval).halfWidth
        #expect(abs(widthRepeated - widthOnce) / widthOnce < 0.25)
    }

    /// DESIGN §8's aim, by simulation: with no true change the judge fails at most 1 − confidence
    /// of runs; with a true drop beyond the threshold it passes at most 1 − confidence of runs.
    @Test func errorRatesStayWithinTheConfidenceLevel() {
        var settings = Self.settings
        settings.bootstrapResamples = 400
        var limits = Thresholds.rlmDefaults
        limits.minRewardDelta = -0.05
        var falseFails = 0
        var falsePasses = 0
        let simulations = 60
        for seed in 0..<UInt64(simulations) {
            let same = judge(Self.runs(cases: 30, repetitions: 2, shift: 0, seed: 1000 + seed), thresholds: limits, settings: settings)
            if same.gates.first(where: { $0.name == .reward })?.status == .fail { falseFails += 1 }
            let worse = judge(Self.runs(cases: 30, repetitions: 2, shift: -0.1, seed: 2000 + seed), thresholds: limits, settings: settings)
            if worse.gates.first(where: { $0.name == .reward })?.status == .pass { falsePasses += 1 }
        }
        // 5% of 60 is 3; allow binomial noise up to 6.
        #expect(falseFails <= 6)
        #expect(falsePasses <= 6)
    }
}
