import Foundation
@testable import ModegateCore
import ModegateReports

/// Verdicts with a per-preset breakdown: one whose preset gates count (Holm-corrected) and fail
/// the verdict, one whose failing preset only describes while the overall gates pass.
extension VerdictFixtures {
    static func holm(_ p: Double, adjusted: Double, rank: Int) -> HolmAdjustment {
        HolmAdjustment(pValue: p, adjustedPValue: adjusted, family: 2, rank: rank, confidence: 1 - 0.05 / Double(3 - rank))
    }

    /// The preset gates of the passing fixture's two presets: web filtering gains, invoices lose reward.
    static func presetGates(counted: Bool) -> [String: PresetVerdict] {
        let webReward = GateResult(
            name: .reward, status: .pass, observed: 0.11, threshold: 0, comparison: .atLeast, interval: interval(0.05, 0.17),
            detail: "estimate +0.110, 95% interval [+0.050, +0.170] lies entirely on the passing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0040 across 2 presets" : ""),
            holm: counted ? holm(0.002, adjusted: 0.004, rank: 1) : nil)
        let webCompletion = GateResult(
            name: .completion, status: counted ? .inconclusive : .pass, observed: 0.05, threshold: 0, comparison: .atLeast,
            interval: interval(0.002, 0.1), casesNeeded: counted ? 31 : nil,
            detail: "estimate +0.050, 95% interval [+0.002, +0.100] lies entirely on the passing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0620 across 2 presets > 0.0500, so not decided; about 31 paired cases would decide it" : ""),
            holm: counted ? holm(0.031, adjusted: 0.062, rank: 2) : nil)
        let invoiceReward = GateResult(
            name: .reward, status: .fail, observed: -0.01, threshold: 0, comparison: .atLeast, interval: interval(-0.019, -0.002),
            detail: "estimate -0.010, 95% interval [-0.019, -0.002] lies entirely on the failing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0120 across 2 presets" : ""),
            holm: counted ? holm(0.012, adjusted: 0.012, rank: 2) : nil)
        let invoiceCompletion = GateResult(
            name: .completion, status: .pass, observed: 0.05, threshold: 0, comparison: .atLeast, interval: interval(0.01, 0.09),
            detail: "estimate +0.050, 95% interval [+0.010, +0.090] lies entirely on the passing side of +0.000"
                + (counted ? "; Holm-adjusted p = 0.0180 across 2 presets" : ""),
            holm: counted ? holm(0.009, adjusted: 0.018, rank: 1) : nil)
        func preset(_ gates: [GateResult]) -> PresetVerdict {
            PresetVerdict(status: Judge.combine(gates.map(\.status)), counts: counted, pairedCases: 20, pairedTrials: 60, gates: gates)
        }
        return ["dynamic_web_filtering": preset([webReward, webCompletion]),
                "invoice_reconciliation": preset([invoiceReward, invoiceCompletion])]
    }

    static let perPresetHolm: Fixture = {
        var verdict = passingStatistical.verdict
        verdict.thresholds.perPreset = true
        verdict.byPreset = presetGates(counted: true)
        verdict.status = .fail
        return Fixture(name: "per-preset-holm", verdict: verdict)
    }()

    static let perPresetDescriptive: Fixture = {
        var verdict = passingStatistical.verdict
        verdict.byPreset = presetGates(counted: false)
        return Fixture(name: "per-preset-descriptive", verdict: verdict)
    }()
}
