import Foundation
import ModegateCore

/// One row of the costs side by side as a reader sees it, shared by the text report and the
/// decision document so both write every figure, delta and interval the same way.
struct CostRow: Sendable {
    /// The figure's name with its unit where the numbers do not carry one, e.g. `Cost (USD)`.
    let title: String
    let baseline: String
    let candidate: String
    /// Candidate − baseline, signed; `n/a` when either side is missing.
    let delta: String
    /// Candidate / baseline as `0.62x`; empty for a share, `n/a` when it does not exist.
    let ratio: String
    /// The paired interval of the delta, e.g. `[-1210.0, -1080.5]`; empty without one.
    let interval: String

    /// What a missing arm value says: the run never records it, or it cannot be measured here.
    static let notRecorded = "not recorded"

    init(_ figure: CostFigure, currency: String?) {
        let format = Self.format(figure.name)
        title = figure.name == .cost ? currency.map { "\(figure.name.title) (\($0))" } ?? figure.name.title : figure.name.title
        func value(_ number: Double?, _ arm: ArmRole) -> String {
            if figure.notRecorded.contains(arm) { return Self.notRecorded }
            return number.map { format($0, false) } ?? "n/a"
        }
        baseline = value(figure.baseline, .baseline)
        candidate = value(figure.candidate, .candidate)
        delta = figure.delta.map { format($0, true) } ?? "n/a"
        ratio = figure.name.hasRatio ? figure.ratio.map { String(format: "%.2fx", $0) } ?? "n/a" : ""
        interval = figure.interval.map { "[\(format($0.lower, true)), \(format($0.upper, true))]" } ?? ""
    }

    /// Every row of a comparison, in its order.
    static func rows(_ costs: CostComparison) -> [CostRow] {
        costs.figures.map { CostRow($0, currency: costs.currency) }
    }

    /// Over what the figures are taken, e.g. `per paired trial (120 paired trials; token counts are estimates)`.
    static func heading(_ costs: CostComparison) -> String {
        "per paired trial (\(costs.pairedTrials) paired trials" + (costs.tokensEstimated ? "; token counts are estimates)" : ")")
    }

    /// How to read the table, in one sentence: the basis, the delta and ratio, the interval.
    static func legend(_ costs: CostComparison, judgement: JudgementSettings) -> String {
        var text = "Means per paired trial over \(costs.pairedTrials) paired trials (latency: percentiles of their latencies); "
            + "delta = candidate − baseline, ratio = candidate / baseline"
        if judgement.mode == .statistical {
            text += "; intervals: \(ReportText.percentLevel(judgement.confidence)) paired bootstrap of the delta by case"
        }
        text += "."
        if costs.tokensEstimated { text += " Token counts are estimates (the scripted model), not a provider's." }
        return text
    }

    /// How a figure's numbers read: a value, or (signed) a difference of it.
    private static func format(_ name: CostFigure.Name) -> (Double, Bool) -> String {
        let pattern: (Bool) -> String = switch name {
        case .promptTokens, .completionTokens, .cachedTokens: { $0 ? "%+.1f" : "%.1f" }
        case .cost: { $0 ? "%+.6f" : "%.6f" }
        case .modelRequests: { $0 ? "%+.2f" : "%.2f" }
        case .latencyP50, .latencyP95: { $0 ? "%+.3f s" : "%.3f s" }
        case .modelVisibleToolBytes: { $0 ? "%+.0f B" : "%.0f B" }
        case .payloadSuppression: { $0 ? "%+.1f pp" : "%.1f%%" }
        }
        let scale = name == .payloadSuppression ? 100.0 : 1
        return { value, signed in value.isFinite ? String(format: pattern(signed), value * scale) : "n/a" }
    }
}
