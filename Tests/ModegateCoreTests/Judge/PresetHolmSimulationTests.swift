import Foundation
import Testing
@testable import ModegateCore

/// Holm's correction across presets, by simulation through the real judge: four presets with no
/// true change, every one at the margin of its reward gate (min_reward_delta 0). Counted per-preset
/// gates must fail (any of the four) in at most 1 − confidence of runs, and the uncorrected
/// per-preset intervals must do worse, or the correction would buy nothing. docs/judge.md quotes
/// the figures this prints.
@Suite struct PresetHolmSimulationTests {
    @Test func holmHoldsTheFamilyWiseRateAcrossPresets() async {
        let runs = 300
        let settings = JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 400, seed: 42)
        var thresholds = Thresholds.rlmDefaults
        thresholds.minRewardDelta = 0
        thresholds.perPreset = true
        var uncorrectedFails = 0
        var holmFails = 0
        var holmDecided = 0
        for seed in 0..<UInt64(runs) {
            let pair = PresetVerdictTests.runs(shifts: [0, 0, 0, 0], cases: 15, repetitions: 2, seed: 7000 + seed)
            let verdict = Judge(thresholds: thresholds, settings: settings).judge(candidate: pair.candidate, baseline: pair.baseline)
            let rewards = verdict.byPreset.values.compactMap { $0.gates.first { $0.name == .reward } }
            #expect(rewards.count == 4)
            // Holm leaves the per-preset intervals as they are (PresetVerdictTests checks it), so the
            // uncorrected decision is the interval's own: wholly below the threshold fails.
            if rewards.contains(where: { ($0.interval?.upper ?? 0) < -Judge.tolerance }) { uncorrectedFails += 1 }
            if rewards.contains(where: { $0.status == .fail }) { holmFails += 1 }
            if rewards.contains(where: { $0.status != .inconclusive }) { holmDecided += 1 }
            // Let the other tests' servers run: this loop would otherwise hold one of the two
            // cooperative threads for a minute on a loaded machine, and a bind poll times out.
            await Task.yield()
        }
        let holmRate = Double(holmFails) / Double(runs)
        let uncorrectedRate = Double(uncorrectedFails) / Double(runs)
        print(String(format: "per-preset Holm simulation: %d runs × 4 presets at the margin: any preset fails %.1f%% with Holm (any decided %.1f%%), %.1f%% uncorrected",
                     runs, holmRate * 100, Double(holmDecided) / Double(runs) * 100, uncorrectedRate * 100))
        // 5% of 300 is 15; a binomial's 2 standard deviations (±7.5) is the Monte-Carlo slack.
        #expect(holmFails <= 15 + 8)
        #expect(uncorrectedFails > holmFails)
    }
}
