import Foundation
import ModegateCore

/// The verdict as OpenMetrics text: what GitLab's metrics report (`artifacts: reports: metrics:`)
/// shows in a merge request beside the target branch's values, and what a Prometheus push or
/// textfile collector reads. Every gate's observed value, its bound, its bootstrap interval or
/// p-value and its status; each arm's headline figures; the verdict as a state set.
///
/// Overall gates carry a `gate` label; preset gates add `preset`. GitLab keys a metric by the
/// whole line before the value (quotes dropped), so a gate keeps one name across runs and the
/// widget shows its change.
public struct OpenMetricsRenderer: VerdictRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        var families = [Family.verdict(verdict)]
        if verdict.status != .error {
            var gates = verdict.gates.map { (gate: $0, preset: String?.none) }
            for (name, preset) in ReportText.presets(verdict) {
                gates += preset.gates.map { ($0, name) }
            }
            families += Family.gates(gates)
            families += Family.arms(verdict)
            families.append(Family(
                name: "modegate_paired_cases", type: "gauge", help: "Cases played by both arms.",
                samples: [Sample(value: Double(verdict.coverage.pairedCases))]))
            families.append(Family(
                name: "modegate_paired_trials", type: "gauge", help: "Trials paired across the arms.",
                samples: [Sample(value: Double(verdict.coverage.pairedTrials))]))
        }
        let text = families.filter { !$0.samples.isEmpty }.map(\.text).joined()
        return text + "# EOF\n"
    }

    /// One metric family: its metadata lines, then its samples.
    struct Family {
        var name: String
        var type: String
        var help: String
        var samples: [Sample]

        var text: String {
            var lines = ["# HELP \(name) \(help)", "# TYPE \(name) \(type)"]
            lines += samples.map { name + $0.labelText + " " + OpenMetricsRenderer.number($0.value) }
            return lines.joined(separator: "\n") + "\n"
        }

        /// The verdict as a state set: exactly one of its states is 1.
        static func verdict(_ verdict: Verdict) -> Family {
            let states: [Verdict.Status] = [.pass, .fail, .inconclusive, .error]
            return Family(
                name: "modegate_verdict", type: "stateset", help: "The verdict: pass promotes the candidate; any other holds it.",
                samples: states.map { Sample(labels: [("modegate_verdict", $0.rawValue)], value: $0 == verdict.status ? 1 : 0) })
        }

        static func gates(_ gates: [(gate: GateResult, preset: String?)]) -> [Family] {
            func labels(_ gate: GateResult, _ preset: String?) -> [(String, String)] {
                [("gate", gate.key)] + (preset.map { [("preset", $0)] } ?? [])
            }
            let statuses: [GateResult.Status] = [.pass, .fail, .inconclusive]
            return [
                Family(name: "modegate_gate_observed", type: "gauge",
                       help: "The gate's measured value: a delta, an increase ratio, a rate or a count (NaN when unmeasurable).",
                       samples: gates.map { Sample(labels: labels($0.gate, $0.preset), value: $0.gate.observed) }),
                Family(name: "modegate_gate_bound", type: "gauge",
                       help: "The threshold the observed value is held to; comparison says which side passes.",
                       samples: gates.map {
                           Sample(labels: labels($0.gate, $0.preset) + [("comparison", $0.gate.comparison.rawValue)], value: $0.gate.threshold)
                       }),
                Family(name: "modegate_gate_interval_lower", type: "gauge",
                       help: "Lower end of the gate's bootstrap confidence interval (statistical mode).",
                       samples: gates.compactMap { item in
                           item.gate.interval.map { Sample(labels: labels(item.gate, item.preset), value: $0.lower) }
                       }),
                Family(name: "modegate_gate_interval_upper", type: "gauge",
                       help: "Upper end of the gate's bootstrap confidence interval (statistical mode).",
                       samples: gates.compactMap { item in
                           item.gate.interval.map { Sample(labels: labels(item.gate, item.preset), value: $0.upper) }
                       }),
                Family(name: "modegate_gate_p_value", type: "gauge",
                       help: "McNemar's one-sided p-value of the completion-regressions gate (statistical mode).",
                       samples: gates.compactMap { item in
                           item.gate.pValue.map { Sample(labels: labels(item.gate, item.preset), value: $0) }
                       }),
                Family(name: "modegate_gate_status", type: "stateset", help: "Where the gate landed.",
                       samples: gates.flatMap { item in
                           statuses.map {
                               Sample(labels: labels(item.gate, item.preset) + [("modegate_gate_status", $0.rawValue)],
                                      value: $0 == item.gate.status ? 1 : 0)
                           }
                       }),
            ]
        }

        static func arms(_ verdict: Verdict) -> [Family] {
            let arms = [("baseline", verdict.baseline.metrics), ("candidate", verdict.candidate.metrics)]
            func family(_ name: String, _ help: String, _ value: (ArmMetrics) -> Double) -> Family {
                Family(name: name, type: "gauge", help: help,
                       samples: arms.map { Sample(labels: [("arm", $0.0)], value: value($0.1)) })
            }
            return [
                family("modegate_arm_reward_mean", "Mean reward of the arm's trials.") { $0.avgReward },
                family("modegate_arm_completion_rate", "Share of the arm's trials that completed.") { $0.completionRate },
                family("modegate_arm_steps_mean", "Mean model requests of the arm's trials.") { $0.avgSteps },
                family("modegate_arm_tokens_mean", "Mean prompt and completion tokens of the arm's trials.") { $0.meanTokens },
                family("modegate_arm_cost_mean", "Mean cost of the arm's trials, at the gate's prices.") { $0.meanCost },
                family("modegate_arm_latency_p95_seconds", "95th percentile of the arm's trial time.") { $0.p95Latency },
                family("modegate_arm_error_rate", "Share of the arm's trials that ended in an infrastructure error.") { $0.errorRate },
                family("modegate_arm_trials", "Trials the arm played.") { Double($0.trials) },
            ]
        }
    }

    /// One sample: its labels in order and its value.
    struct Sample {
        var labels: [(String, String)] = []
        var value: Double

        var labelText: String {
            guard !labels.isEmpty else { return "" }
            return "{" + labels.map { "\($0.0)=\"\(OpenMetricsRenderer.escape($0.1))\"" }.joined(separator: ",") + "}"
        }
    }

    /// A value as OpenMetrics writes numbers: `NaN`, `+Inf`, `-Inf`, else the shortest decimal
    /// that reads back as the same double.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "+Inf" : "-Inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A label value's escapes (backslash, quote, line feed); a `#` is written `%23` because
    /// GitLab's parser cuts a line at its first `#`.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "#", with: "%23")
    }
}
