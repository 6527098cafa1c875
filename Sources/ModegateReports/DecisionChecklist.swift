import ModegateCore

/// The five figures a release owner signs off on (DESIGN §9): reward delta, completion delta,
/// steps increase, completion regressions and guardrail blocks. Each comes from its gate when the
/// judge evaluated one, else from the arms' recorded metrics, so the checklist is complete even
/// for an error verdict or a gate switched off.
struct DecisionChecklist {
    struct Item {
        /// The top-level template key that holds `observed` alone, e.g. `reward_delta`.
        var key: String
        var title: String
        var observed: String
        var bound: String
        var statusLabel: String
        /// `x` when the figure met its gate, a space otherwise: a Markdown task-list box.
        var box: String

        /// `threshold >= -0.100: PASS`, or `not gated` when the judge evaluated no gate for it.
        var note: String { bound == Self.notGated ? bound : "threshold \(bound): \(statusLabel)" }

        static let notGated = "not gated"

        var values: [String: Any] {
            [
                "key": key, "title": title, "observed": observed, "bound": bound, "status_label": statusLabel,
                "box": box, "note": note,
            ]
        }
    }

    let items: [Item]

    init(_ verdict: Verdict) {
        let candidate = verdict.candidate.metrics
        let baseline = verdict.baseline.metrics
        let rows: [(String, GateResult.Name, Double)] = [
            ("reward_delta", .reward, candidate.avgReward - baseline.avgReward),
            ("completion_delta", .completion, candidate.completionRate - baseline.completionRate),
            ("steps_increase", .steps, candidate.avgSteps - baseline.avgSteps),
            ("completion_regression_count", .completionRegressions, Double(verdict.completionRegressions.count)),
            ("guardrail_blocked", .guardrailBlocked, Double(candidate.guardrailBlocked)),
        ]
        items = rows.map { key, name, recorded in
            guard let gate = verdict.gates.first(where: { $0.name == name }) else {
                return Item(
                    key: key, title: name.title, observed: GateFigures.Kind(name).format(recorded),
                    bound: Item.notGated, statusLabel: "NOT GATED", box: " ")
            }
            let figures = GateFigures(gate)
            return Item(
                key: key, title: name.title, observed: figures.observed, bound: figures.bound,
                statusLabel: figures.statusLabel, box: gate.status == .pass ? "x" : " ")
        }
    }
}
