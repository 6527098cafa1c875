import Foundation
import ModegateCore

/// A gate's numbers as a reader sees them, shared by every human-facing format so the terminal,
/// the decision document, JUnit and GitHub annotations never disagree on how a value is written.
struct GateFigures: Sendable {
    /// How a gate's values read: the same number means different things for different gates.
    enum Kind: Sendable {
        /// A difference of means (reward, steps): signed, three decimals.
        case delta
        /// A difference of rates (completion): signed percent.
        case rateDelta
        /// A whole count (regressions, blocked programs).
        case count
        /// A rate in [0, 1] (error rate): unsigned percent.
        case rate
        /// A relative increase (tokens, cost, latency): signed percent.
        case increaseRatio

        init(_ name: GateResult.Name) {
            switch name {
            case .reward, .steps: self = .delta
            case .completion: self = .rateDelta
            case .completionRegressions, .guardrailBlocked: self = .count
            case .errorRate, .serverShare, .serverTrialsUsing, .serverErrorRate: self = .rate
            case .tokenIncreaseRatio, .costIncreaseRatio, .p95LatencyIncreaseRatio: self = .increaseRatio
            }
        }

        func format(_ value: Double) -> String {
            // A missing ratio is NaN in the model; say so instead of printing "nan%".
            guard value.isFinite else { return "n/a" }
            switch self {
            case .delta: return String(format: "%+.3f", value)
            case .rateDelta, .increaseRatio: return String(format: "%+.1f%%", value * 100)
            case .count: return String(format: "%.0f", value)
            case .rate: return String(format: "%.1f%%", value * 100)
            }
        }
    }

    let observed: String
    let threshold: String
    /// The threshold with its comparison, e.g. `>= -0.100`, or `<= gains` for McNemar's gate.
    let bound: String
    /// The bootstrap interval, or McNemar's p-value, or empty when the gate has neither.
    let evidence: String
    let statusLabel: String

    init(_ gate: GateResult) {
        let kind = Kind(gate.name)
        // A sequential gate's value is the look's that decided it, and says so.
        observed = kind.format(gate.observed) + (gate.decidedAt.map { " at look \($0.look) (\($0.cases) cases)" } ?? "")
        threshold = kind.format(gate.threshold)
        // McNemar's gate passes when losses do not outnumber gains, whatever its nominal threshold
        // of 0; `<= 0` next to a passing count of 1 would read as a contradiction.
        bound = gate.name == .completionRegressions && gate.pValue != nil
            ? "<= gains" : "\(gate.comparison.symbol) \(threshold)"
        if let interval = gate.interval {
            evidence = "[\(kind.format(interval.lower)), \(kind.format(interval.upper))]"
        } else if let pValue = gate.pValue {
            evidence = "McNemar p=" + (pValue.isFinite ? String(format: "%.4f", pValue) : "n/a")
        } else {
            evidence = ""
        }
        statusLabel = gate.status.rawValue.uppercased()
    }

    /// One line for an annotation or a failure message: `Reward delta -0.100 (>= +0.000): detail`.
    static func summary(_ gate: GateResult) -> String {
        let figures = GateFigures(gate)
        return "\(gate.title) \(figures.observed) (\(figures.bound)): \(gate.detail)"
    }
}
