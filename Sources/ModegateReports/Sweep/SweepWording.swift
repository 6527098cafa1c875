import Foundation
import ModegateCore

/// The sentences and number formats the sweep's text table and HTML page share, so both say the
/// same thing about a crossover.
enum SweepWording {
    /// `0.83 [0.80, 0.86]`, or `n/a`.
    static func ratio(_ estimate: SweepEstimate) -> String {
        guard let value = estimate.value else { return "n/a" }
        var text = String(format: "%.2f", value)
        if let interval = estimate.interval { text += String(format: " [%.2f, %.2f]", interval.lower, interval.upper) }
        return text
    }

    /// A metric's value in its unit.
    static func value(_ metric: SweepMetric, _ value: Double?) -> String {
        guard let value else { return "n/a" }
        switch metric {
        case .tokens, .modelVisibleToolBytes: return value >= 10_000 ? String(format: "%.0fk", value / 1000) : String(format: "%.0f", value)
        case .modelRequests: return String(format: "%.2f", value)
        case .latencyP50: return value >= 1 ? String(format: "%.2f s", value) : String(format: "%.0f ms", value * 1000)
        case .reward: return String(format: "%.3f", value)
        case .completionRate: return String(format: "%.0f%%", value * 100)
        }
    }

    /// A fan-out, to two significant figures past the point when small.
    static func fanOut(_ value: Double) -> String {
        value >= 100 ? String(format: "%.0f", value) : value >= 10 ? String(format: "%.1f", value) : String(format: "%.2f", value)
    }

    /// What a metric is called in a sentence.
    static func noun(_ metric: SweepMetric) -> String {
        switch metric {
        case .tokens: "tokens"
        case .modelRequests: "model requests"
        case .modelVisibleToolBytes: "model-visible tool bytes"
        case .latencyP50: "latency"
        case .reward: "reward"
        case .completionRate: "completion"
        }
    }

    /// One sentence on where the candidate starts to pay on the crossover's metric.
    static func crossover(_ crossover: SweepCrossover, in sweep: SweepReport.PresetSweep, confidence: Double) -> String {
        let noun = noun(crossover.metric)
        let level = String(format: "%.0f%%", confidence * 100)
        var text: String
        switch crossover.status {
        case .neverPays:
            let last = sweep.points.last?.figure(crossover.metric)?.comparison
            text = "no crossover in the swept range: at \(sweep.points.last?.shape ?? "the largest shape") the candidate still uses "
                + "\(last.map(ratio) ?? "n/a")× the baseline's \(noun)"
        case .paysThroughout:
            text = "the candidate uses fewer \(noun) at every swept size: the crossover is below \(sweep.points.first?.shape ?? "the smallest shape")"
        case .crosses:
            text = "the \(crossover.metric == .tokens ? "token" : "request") ratio crosses 1 at fan-out ≈ \(crossover.estimate.map(fanOut) ?? "n/a")"
            if let interval = crossover.interval {
                text += " (\(level) interval \(fanOut(interval.lower))–\(fanOut(interval.upper)))"
            }
        }
        if let paying = crossover.paysFrom {
            text += "; it pays from \(paying) (fan-out \(paying.fanOut)) on: the ratio's \(level) interval is below 1 there and at every larger size"
        } else if crossover.status != .neverPays {
            text += "; paying is not yet shown: at the largest sizes the ratio's \(level) interval is not wholly below 1, or the candidate completes less often than the baseline"
        }
        if crossover.crossings.count > 1 {
            text += "; the ratio passes 1 \(crossover.crossings.count) times (at fan-out " + crossover.crossings.map(fanOut).joined(separator: ", ") + ")"
        }
        return text
    }
}
