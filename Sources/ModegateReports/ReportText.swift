import Foundation
import ModegateCore

/// Small formatting rules shared by the reports.
enum ReportText {
    /// A confidence level as a percentage without needless decimals: 0.95 → `95%`, 0.975 → `97.5%`.
    static func percentLevel(_ confidence: Double) -> String {
        String(format: "%g%%", (confidence * 100 * 1000).rounded() / 1000)
    }

    /// The verdict's headline word, e.g. `PASS`.
    static func statusLabel(_ status: Verdict.Status) -> String { status.rawValue.uppercased() }

    /// `verdict: PASS (exit 0)`, or for an error `verdict: ERROR (exit 3): message`.
    static func verdictLine(_ verdict: Verdict, label: String? = nil) -> String {
        let word = label ?? statusLabel(verdict.status)
        var line = "verdict: \(word) (exit \(verdict.exitStatus.rawValue))"
        if verdict.status == .error { line += ": \(verdict.errorMessage ?? "the runs could not be judged")" }
        return line
    }

    /// An arm as `id (strategy)`.
    static func arm(_ arm: ArmReport) -> String { "\(arm.id) (\(arm.strategy?.rawValue ?? "unknown strategy"))" }

    /// How the judge decided, e.g. `statistical (95% confidence, 5000 resamples, seed 42)`.
    static func mode(_ settings: JudgementSettings) -> String {
        switch settings.mode {
        case .point: "point"
        case .statistical:
            "statistical (\(percentLevel(settings.confidence)) confidence, \(settings.bootstrapResamples) resamples, seed \(settings.seed))"
        }
    }

    /// The first `limit` keys as `preset/case#rep`, then how many were left out.
    static func keyList(_ keys: [PairKey], limit: Int = 10) -> (shown: [String], more: Int) {
        (keys.prefix(limit).map(\.description), max(0, keys.count - limit))
    }
}
