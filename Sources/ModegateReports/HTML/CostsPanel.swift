import Foundation
import ModegateCore

/// What each arm spent, side by side: tokens, cost and latency, with the candidate's change.
public struct CostsPanel: Sendable, Hashable {
    /// One figure of both arms.
    public struct Row: Sendable, Hashable {
        /// What is measured, e.g. `Mean tokens per trial`.
        public var title: String
        /// Both arms' values, already formatted.
        public var baseline: String
        public var candidate: String
        /// The candidate's relative change, e.g. `-38.5%`; `n/a` over a zero baseline.
        public var change: String
        /// True when the candidate spends less (a lower value is better for every row).
        public var candidateCheaper: Bool
    }

    /// The rows, in display order.
    public var rows: [Row]

    /// The panel the page shows. This is the one place that decides where the figures come from:
    /// today the verdict's run-level arm metrics; a per-arm costs comparison in the verdict would
    /// be read here instead.
    public static func panel(_ verdict: Verdict, evidence: ReportEvidence) -> CostsPanel {
        let base = verdict.baseline.metrics
        let cand = verdict.candidate.metrics
        return CostsPanel(rows: [
            row("Mean tokens per trial", base.meanTokens, cand.meanTokens) { String(format: "%.1f", $0) },
            row("Mean cost per trial", base.meanCost, cand.meanCost) { String(format: "%.4f", $0) },
            row("Total cost", base.meanCost * Double(base.trials), cand.meanCost * Double(cand.trials)) { String(format: "%.4f", $0) },
            row("p95 latency", base.p95Latency, cand.p95Latency) { String(format: "%.2f s", $0) },
            row("Mean steps per case", base.avgSteps, cand.avgSteps) { String(format: "%.3f", $0) },
        ])
    }

    static func row(_ title: String, _ baseline: Double, _ candidate: Double, format: (Double) -> String) -> Row {
        let change = baseline == 0 ? "n/a" : String(format: "%+.1f%%", (candidate / baseline - 1) * 100)
        return Row(title: title, baseline: format(baseline), candidate: format(candidate), change: change,
                   candidateCheaper: candidate < baseline)
    }
}
