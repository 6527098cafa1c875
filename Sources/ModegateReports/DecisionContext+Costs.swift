import ModegateCore

extension DecisionContext {
    /// The `costs` keys of a decision template: the rows of the costs side by side, formatted as
    /// the text report writes them; `costs.any` is false when no trial paired.
    static func costs(_ costs: CostComparison?, judgement: JudgementSettings) -> [String: Any] {
        guard let costs else {
            return ["any": false, "paired_trials": "0", "currency": CostRow.notRecorded, "tokens_estimated": false,
                    "legend": "", "figures": [Any]()]
        }
        let figures: [[String: Any]] = zip(costs.figures, CostRow.rows(costs)).map { figure, row in
            [
                "name": figure.name.rawValue, "title": row.title, "baseline": row.baseline, "candidate": row.candidate,
                "delta": row.delta, "ratio": row.ratio, "interval": row.interval,
            ]
        }
        return [
            "any": true, "paired_trials": String(costs.pairedTrials), "currency": costs.currency ?? CostRow.notRecorded,
            "tokens_estimated": costs.tokensEstimated, "legend": CostRow.legend(costs, judgement: judgement),
            "figures": figures,
        ]
    }
}
