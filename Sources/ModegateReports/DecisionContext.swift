import Foundation
import ModegateCore

/// The values a decision template can use, as a tree of `[String: Any]`, `[Any]`, `String` and
/// `Bool` (swift-mustache reads only String-keyed dictionaries). Every number is formatted here,
/// once, so a custom template cannot print `0.30000000000000004`. docs/reports.md lists the keys.
struct DecisionContext {
    let values: [String: Any]

    /// How many completion regressions the document lists before "and N more".
    static let listedRegressions = 20

    init(verdict: Verdict, context: ReportContext) {
        var values: [String: Any] = [
            "tool_name": "modegate",
            "tool_version": context.toolVersion,
            "generated_at": Self.timestamp(context.generatedAt, options: [.withInternetDateTime]),
            "date": Self.timestamp(context.generatedAt, options: [.withFullDate]),
            "owner": context.owner ?? "unassigned",
            "owner_assigned": context.owner != nil,
            "status": verdict.status.rawValue,
            "status_label": ReportText.statusLabel(verdict.status),
            "exit_code": String(verdict.exitStatus.rawValue),
            "verdict_line": ReportText.verdictLine(verdict),
            "decision": verdict.decision,
            "promote": verdict.decision == "promote",
            "hold": verdict.decision != "promote",
            "promote_box": verdict.decision == "promote" ? "x" : " ",
            "hold_box": verdict.decision == "promote" ? " " : "x",
            "error": verdict.status == .error,
            "mode": verdict.judgement.mode.rawValue,
            "mode_summary": ReportText.mode(verdict.judgement),
            "statistical": verdict.judgement.mode == .statistical,
            "confidence": ReportText.percentLevel(verdict.judgement.confidence),
            "resamples": String(verdict.judgement.bootstrapResamples),
            "seed": String(verdict.judgement.seed),
            "candidate": Self.arm(verdict.candidate),
            "baseline": Self.arm(verdict.baseline),
            "coverage": Self.coverage(verdict.coverage),
            "thresholds": Self.thresholds(verdict.thresholds),
            "gates": verdict.gates.map(Self.gate),
            "has_gates": !verdict.gates.isEmpty,
            "has_open_gates": verdict.gates.contains { $0.status != .pass },
            "completion_regressions": Self.keys(verdict.completionRegressions),
            "completion_gains_count": String(verdict.completionGains.count),
            "reward_regressions_count": String(verdict.rewardRegressions.count),
            "warnings": verdict.warnings,
            "has_warnings": !verdict.warnings.isEmpty,
            "sequential": verdict.sequential.map(ReportText.sequential) ?? "",
            "has_sequential": verdict.sequential != nil,
            "baseline_reuse": verdict.baselineReuse.map(ReportText.baselineReuse) ?? "",
            "has_baseline_reuse": verdict.baselineReuse != nil,
            "arm_differences": verdict.armDifferences.joined(separator: "; "),
            "has_arm_differences": !verdict.armDifferences.isEmpty,
            "has_server_adoption": verdict.candidate.serverAdoption != nil || verdict.baseline.serverAdoption != nil,
            "costs": Self.costs(verdict.costs, judgement: verdict.judgement),
            "presets": Self.presets(verdict),
            "has_presets": !verdict.byPreset.isEmpty,
            "preset_reading": ReportText.presetReading(verdict),
        ]
        if let kind = verdict.errorKind { values["error_kind"] = kind.rawValue }
        if let message = verdict.errorMessage { values["error_message"] = message }
        let checklist = DecisionChecklist(verdict)
        values["checklist"] = checklist.items.map(\.values)
        for item in checklist.items { values[item.key] = item.observed }
        self.values = values
    }

    private static func timestamp(_ date: Date, options: ISO8601DateFormatter.Options) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.formatOptions = options
        return formatter.string(from: date)
    }

    static func number(_ value: Double, _ format: String) -> String {
        value.isFinite ? String(format: format, value) : "n/a"
    }

    private static func arm(_ arm: ArmReport) -> [String: Any] {
        let metrics = arm.metrics
        return [
            "id": arm.id, "strategy": arm.strategy?.rawValue ?? "unknown", "source": arm.source.rawValue,
            "path": arm.path, "presets": arm.presets.joined(separator: ", "),
            "avg_reward": number(metrics.avgReward, "%.3f"),
            "completion_rate": number(metrics.completionRate * 100, "%.1f%%"),
            "avg_steps": number(metrics.avgSteps, "%.3f"),
            "total_cases": String(metrics.totalCases), "completed_cases": String(metrics.completedCases),
            "attempted_cases": String(metrics.attemptedCases), "trials": String(metrics.trials),
            "mean_tokens": number(metrics.meanTokens, "%.1f"), "mean_cost": number(metrics.meanCost, "%.4f"),
            "p95_latency": number(metrics.p95Latency, "%.2f s"),
            "guardrail_blocked": String(metrics.guardrailBlocked),
            "infrastructure_errors": String(metrics.infrastructureErrors),
            "error_rate": number(metrics.errorRate * 100, "%.1f%%"),
            "adoption": ReportText.adoption(arm) ?? "not recorded",
            "server_adoption": ReportText.serverAdoption(arm) ?? "none offered",
        ]
    }

    private static func coverage(_ coverage: Coverage) -> [String: Any] {
        [
            "paired_cases": String(coverage.pairedCases), "paired_trials": String(coverage.pairedTrials),
            "candidate_trials": String(coverage.candidateTrials), "baseline_trials": String(coverage.baselineTrials),
            "candidate_only": String(coverage.candidateOnly.count), "baseline_only": String(coverage.baselineOnly.count),
            "duplicate_trials": String(coverage.duplicateTrials.count),
        ]
    }

    private static func thresholds(_ thresholds: Thresholds) -> [String: Any] {
        let ratio: (Double?) -> String = { $0.map { number($0 * 100, "%+.1f%%") } ?? "off" }
        return [
            "min_reward_delta": number(thresholds.minRewardDelta, "%+.3f"),
            "min_completion_delta": number(thresholds.minCompletionDelta * 100, "%+.1f%%"),
            "max_steps_increase": number(thresholds.maxStepsIncrease, "%+.3f"),
            "fail_on_completion_regression": thresholds.failOnCompletionRegression ? "on" : "off",
            "max_guardrail_blocked": String(thresholds.maxGuardrailBlocked),
            "max_error_rate": number(thresholds.maxErrorRate * 100, "%.1f%%"),
            "max_token_increase_ratio": ratio(thresholds.maxTokenIncreaseRatio),
            "max_cost_increase_ratio": ratio(thresholds.maxCostIncreaseRatio),
            "max_p95_latency_increase_ratio": ratio(thresholds.maxP95LatencyIncreaseRatio),
            "per_preset": thresholds.perPreset ? "on" : "off",
        ]
    }

    /// One entry per preset of `by_preset`, in name order, its gates with the keys of `gates`.
    private static func presets(_ verdict: Verdict) -> [[String: Any]] {
        ReportText.presets(verdict).map { name, preset in
            [
                "name": name, "status": preset.status.rawValue, "status_label": ReportText.statusLabel(preset.status),
                "counts": preset.counts, "paired_cases": String(preset.pairedCases),
                "paired_trials": String(preset.pairedTrials), "note": preset.note ?? "",
                "gates": preset.gates.map(Self.gate),
            ]
        }
    }

    private static func gate(_ gate: GateResult) -> [String: Any] {
        let figures = GateFigures(gate)
        var values: [String: Any] = [
            "name": gate.key, "title": gate.title, "observed": figures.observed,
            "threshold": figures.threshold, "comparison": gate.comparison.symbol, "bound": figures.bound,
            "interval": figures.evidence, "status": gate.status.rawValue, "status_label": figures.statusLabel,
            "detail": gate.detail, "passed": gate.status == .pass, "box": gate.status == .pass ? "x" : " ",
        ]
        if let pValue = gate.pValue { values["p_value"] = number(pValue, "%.4f") }
        if let needed = gate.casesNeeded { values["cases_needed"] = String(needed) }
        // Preset gates that count: Holm's adjusted p-value; empty elsewhere so a table cell stays blank.
        values["holm_p_value"] = ReportText.holm(gate)
        return values
    }

    private static func keys(_ keys: [PairKey]) -> [String: Any] {
        let (shown, more) = ReportText.keyList(keys, limit: listedRegressions)
        return ["count": String(keys.count), "any": !keys.isEmpty, "keys": shown, "more": String(more), "has_more": more > 0]
    }
}
