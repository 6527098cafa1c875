import Foundation
import Testing
@testable import ModegateCore

/// `modegate plan`'s arithmetic, and the simulation that checks it: runs of the planned size,
/// judged by the real statistical judge, are decided about as often as the plan promised.
@Suite struct PowerPlanTests {
    @Test func normalQuantilesAndCdf() {
        #expect(abs(StandardNormal.quantile(0.975) - 1.959963985) < 1e-8)
        #expect(abs(StandardNormal.quantile(0.8) - 0.841621234) < 1e-8)
        #expect(abs(StandardNormal.quantile(0.001) + 3.090232306) < 1e-7)
        for p in [1e-6, 0.01, 0.3, 0.5, 0.77, 0.999] { #expect(abs(StandardNormal.cdf(StandardNormal.quantile(p)) - p) < 1e-10) }
    }

    /// Paired differences Δ + b_case + w_trial with normal b and w.
    static func groups(cases: Int, repetitions: Int, mean: Double, between: Double, within: Double, noise: inout Noise) -> [[Double]] {
        (0..<cases).map { _ in
            let shift = mean + between * Self.gaussian(&noise)
            return (0..<repetitions).map { _ in shift + within * Self.gaussian(&noise) }
        }
    }

    static func gaussian(_ noise: inout Noise) -> Double {
        (-2 * log(max(noise.unit(), 1e-300))).squareRoot() * cos(2 * .pi * noise.unit())
    }

    @Test func varianceComponentsRecoverTheTruth() throws {
        var noise = Noise(seed: 3)
        let components = try #require(VarianceComponents(
            groups: Self.groups(cases: 600, repetitions: 4, mean: 0.1, between: 0.2, within: 0.3, noise: &noise)))
        #expect(abs(components.mean - 0.1) < 0.03)
        #expect(abs(components.between.squareRoot() - 0.2) < 0.03)
        #expect(abs(components.within.squareRoot() - 0.3) < 0.02)
        #expect(VarianceComponents(groups: [[1]]) == nil, "one case says nothing about spread")
    }

    @Test func sizesFollowTheFormula() {
        let plan = PowerPlan(components: VarianceComponents(mean: 0.1, between: 0.04, within: 0.09), threshold: 0,
                             comparison: .atLeast, confidence: 0.95, power: 0.8)
        // (1.96 + 0.8416)² × (0.04 + 0.09/3) / 0.01 = 54.95
        #expect(plan.casesNeeded(repetitions: 3) == 55)
        #expect(plan.repetitionsNeeded(cases: 55) == 3)
        #expect(plan.repetitionsNeeded(cases: 30) == nil, "0.04/30 already exceeds the allowed variance")
        #expect(abs(plan.probabilityDecided(cases: 55, repetitions: 3) - 0.8) < 0.01)
        let onTheLine = PowerPlan(components: VarianceComponents(mean: 0, between: 0.04, within: 0.09), threshold: 0,
                                  comparison: .atLeast, confidence: 0.95, power: 0.8)
        #expect(onTheLine.casesNeeded(repetitions: 3) == nil)
    }

    /// Runs the planned size `simulations` times through the judge; the share decided the way
    /// the plan is headed.
    static func simulatedPower(_ plan: PowerPlan, cases: Int, repetitions: Int, simulations: Int, seed: UInt64) async -> Double {
        var noise = Noise(seed: seed)
        let settings = JudgementSettings(mode: .statistical, confidence: plan.confidence, bootstrapResamples: 800, seed: 11)
        var thresholds = Thresholds.rlmDefaults
        thresholds.minRewardDelta = plan.threshold
        thresholds.failOnCompletionRegression = false
        var decided = 0
        for _ in 0..<simulations {
            // Seconds of arithmetic: let other suites' tasks have the pool between runs.
            await Task.yield()
            let differences = groups(cases: cases, repetitions: repetitions, mean: plan.components.mean,
                                     between: plan.components.between.squareRoot(), within: plan.components.within.squareRoot(),
                                     noise: &noise)
            let baseline = RunBuilder(id: "b", strategy: .toolCall).run(cases: cases, repetitions: repetitions) { _, _ in (true, 0.5, 3) }
            let candidate = RunBuilder(id: "c", strategy: .codemode).run(cases: cases, repetitions: repetitions) { c, r in
                (true, 0.5 + differences[c][r], 3)
            }
            let verdict = Judge(thresholds: thresholds, settings: settings).judge(candidate: candidate, baseline: baseline)
            if verdict.gates.first(where: { $0.name == .reward })?.status == plan.headedFor { decided += 1 }
        }
        return Double(decided) / Double(simulations)
    }

    /// Planned sizes reach the stated power within ±5 points, headed for a pass and for a fail,
    /// with and without repetitions.
    @Test(arguments: [
        (0.10, 0.15, 0.25, 3), (-0.12, 0.10, 0.30, 2), (0.08, 0.20, 0.0, 1),
    ])
    func plannedSizesReachTheirPower(scenario: (Double, Double, Double, Int)) async {
        let (mean, between, within, repetitions) = scenario
        let plan = PowerPlan(components: VarianceComponents(mean: mean, between: between * between, within: within * within),
                             threshold: 0, comparison: .atLeast, confidence: 0.95, power: 0.8)
        guard let cases = plan.casesNeeded(repetitions: repetitions) else {
            Issue.record("no size for \(scenario)")
            return
        }
        let achieved = await Self.simulatedPower(plan, cases: cases, repetitions: repetitions, simulations: 300, seed: UInt64(cases))
        print("plan: Δ \(mean), sd between \(between), within \(within), r \(repetitions): \(cases) cases planned for power 0.80, achieved \(String(format: "%.3f", achieved)) (\(plan.headedFor))")
        #expect(abs(achieved - 0.8) <= 0.05, "achieved \(achieved) at \(cases) × \(repetitions)")
        // A third of the planned cases falls well short: the test can fail.
        let short = await Self.simulatedPower(plan, cases: max(2, cases / 3), repetitions: repetitions, simulations: 150, seed: 7)
        #expect(short < 0.6, "a third of the size still reached \(short)")
    }

    /// The completion-regression plan against McNemar's exact test as the judge runs it.
    @Test(arguments: [(0.12, 0.04), (0.05, 0.08)])
    func regressionPlanReachesItsPower(rates: (Double, Double)) {
        let plan = RegressionPowerPlan(lossRate: rates.0, gainRate: rates.1, confidence: 0.95, power: 0.8)
        let trials = plan.trialsNeeded ?? 0
        var noise = Noise(seed: 5)
        var decided = 0
        let simulations = 400
        for _ in 0..<simulations {
            var losses = 0
            var gains = 0
            for _ in 0..<trials {
                let u = noise.unit()
                if u < plan.lossRate { losses += 1 } else if u < plan.lossRate + plan.gainRate { gains += 1 }
            }
            let fails = losses > gains && McNemarTest(losses: losses, gains: gains).pValue <= 0.05
            if plan.headedFor == .fail ? fails : losses <= gains { decided += 1 }
        }
        let achieved = Double(decided) / Double(simulations)
        print("plan: completion regressions \(rates.0) lost, \(rates.1) gained (\(plan.headedFor)): \(trials) paired trials planned for power 0.80, achieved \(String(format: "%.3f", achieved))")
        #expect(abs(achieved - 0.8) <= 0.05, "achieved \(achieved) at \(trials) trials")
        #expect(abs(plan.probabilityDecided(trials: trials) - achieved) <= 0.05, "the plan's own probability matches the simulation")
    }
}
