import Foundation
@testable import ModegateCore
import ModegateReports

/// Verdicts with a per-preset breakdown: one whose preset gates count (Holm-corrected) and fail
/// the verdict, one whose failing preset only describes while the overall gates pass.
extension VerdictFixtures {
    static func holm(_ p: Double, adjusted: Double, rank: Int) -> HolmAdjustment {
        HolmAdjustment(pValue: p, adjustedPValue: adjusted, family: 2, rank: rank, confidence: 1 - 0.05 / Double(3 - rank))
    }

    /// The preset gates of the two presets: smoke gains, repo_triage loses reward.
    static func presetGates(counted: Bool) -> [String: PresetVerdict] {
        let smokeReward = GateResult(
            name: .reward, status: .pass, observed: 0.11, threshold: 0, comparison: .atLeast, interval: interval(0.05, 0.17),
            detail: "estimate +0.110, 95% interval [+0.050, +0.170] lies entirely on the passing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0040 across 2 presets" : ""),
            holm: counted ? holm(0.002, adjusted: 0.004, rank: 1) : nil)
        let smokeCompletion = GateResult(
            name: .completion, status: counted ? .inconclusive : .pass, observed: 0.05, threshold: 0, comparison: .atLeast,
            interval: interval(0.002, 0.1), casesNeeded: counted ? 31 : nil,
            detail: "estimate +0.050, 95% interval [+0.002, +0.100] lies entirely on the passing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0620 across 2 presets > 0.0500, so not decided; about 31 paired cases would decide it" : ""),
            holm: counted ? holm(0.031, adjusted: 0.062, rank: 2) : nil)
        let triageReward = GateResult(
            name: .reward, status: .fail, observed: -0.01, threshold: 0, comparison: .atLeast, interval: interval(-0.019, -0.002),
            detail: "estimate -0.010, 95% interval [-0.019, -0.002] lies entirely on the failing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0120 across 2 presets" : ""),
            holm: counted ? holm(0.012, adjusted: 0.012, rank: 2) : nil)
        let triageCompletion = GateResult(
            name: .completion, status: .pass, observed: 0.05, threshold: 0, comparison: .atLeast, interval: interval(0.01, 0.09),
            detail: "estimate +0.050, 95% interval [+0.010, +0.090] lies entirely on the passing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0180 across 2 presets" : ""),
            holm: counted ? holm(0.009, adjusted: 0.018, rank: 1) : nil)
        func preset(_ gates: [GateResult]) -> PresetVerdict {
            PresetVerdict(status: Judge.combine(gates.map(\.status)), counts: counted, pairedCases: 20, pairedTrials: 60, gates: gates)
        }
        // The presets of the HTML test's evidence, so its panels show arm figures and gates.
        return ["smoke": preset([smokeReward, smokeCompletion]), "repo_triage": preset([triageReward, triageCompletion])]
    }

    /// The passing fixture over the presets `repo_triage` and `smoke`.
    static func twoPresets() -> Verdict {
        var verdict = passingStatistical.verdict
        verdict.candidate.presets = ["repo_triage", "smoke"]
        verdict.baseline.presets = ["repo_triage", "smoke"]
        verdict.completionRegressions = [key("smoke", "s-07", 2)]
        verdict.completionGains = [key("repo_triage", "lost", 0), key("smoke", "s-02", 0), key("smoke", "s-11", 1), key("repo_triage", "t-09", 2)]
        verdict.rewardRegressions = [key("smoke", "s-07", 2), key("repo_triage", "t-13", 1)]
        return verdict
    }

    static let perPresetHolm: Fixture = {
        var verdict = twoPresets()
        verdict.thresholds.perPreset = true
        verdict.byPreset = presetGates(counted: true)
        verdict.status = .fail
        return Fixture(name: "per-preset-holm", verdict: verdict)
    }()

    static let perPresetDescriptive: Fixture = {
        var verdict = twoPresets()
        verdict.byPreset = presetGates(counted: false)
        return Fixture(name: "per-preset-descriptive", verdict: verdict)
    }()
}
