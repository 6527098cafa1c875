import Foundation
import ModegateCore

/// What each arm spent per paired trial, side by side: the verdict's costs comparison, so the page
/// shows exactly the figures, deltas and intervals of the text report and the decision document.
public struct CostsPanel: Sendable, Hashable {
    /// One figure of both arms.
    public struct Row: Sendable, Hashable {
        /// What is measured, e.g. `Prompt tokens`.
        public var title: String
        /// Both arms' values, already formatted; `not recorded` when a run never records it.
        public var baseline: String
        public var candidate: String
        /// Candidate − baseline, signed; `n/a` when either side is missing.
        public var delta: String
        /// Candidate / baseline as `0.62x`; empty for a share.
        public var ratio: String
        /// The paired interval of the delta; empty in point mode.
        public var interval: String
        /// Whether the candidate comes out better on this figure: nil when there is nothing to
        /// compare. Lower is better for every figure but payload suppression.
        public var candidateBetter: Bool?
    }

    /// Over what the figures are taken; nil when no trial paired.
    public var heading: String?
    /// The rows, in the verdict's order.
    public var rows: [Row]

    /// The panel the page shows, from `verdict.costs`; empty when no trial paired.
    public static func panel(_ verdict: Verdict) -> CostsPanel {
        guard let costs = verdict.costs else { return CostsPanel(heading: nil, rows: []) }
        let rows = zip(costs.figures, CostRow.rows(costs)).map { figure, text in
            Row(title: text.title, baseline: text.baseline, candidate: text.candidate, delta: text.delta,
                ratio: text.ratio, interval: text.interval, candidateBetter: better(figure))
        }
        return CostsPanel(heading: CostRow.heading(costs), rows: rows)
    }

    /// A zero delta is neither better nor worse, and a cost the arms do not share cannot be.
    private static func better(_ figure: CostFigure) -> Bool? {
        guard let delta = figure.delta, delta != 0 else { return nil }
        return figure.name == .payloadSuppression ? delta > 0 : delta < 0
    }
}
