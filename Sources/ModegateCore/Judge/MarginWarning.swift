import Foundation

/// A statistical gate whose reward or completion margin is zero (or positive) can never pass a
/// candidate exactly as good as the baseline: the interval of a true tie always reaches below
/// 0, so such a run ends inconclusive (exit 2) however large it is. `check`, `plan` and `run`
/// say so before anything is paid, with the margin that would let a tie pass at the workload's
/// size: −(half-width + z_power · SE) for a tie at the assumed spreads (those `modegate plan`
/// assumes without a pilot), the half-width being the bootstrap's, or the confidence
/// sequence's with `sequential`. A warning, never a failure: a margin of 0 is a policy a team
/// may want. The scripted model answers the same way every time, so its ties have no spread
/// and do pass: it gets no warning.
public enum MarginWarning {
    /// The warnings for a gate about to play `cases` cases (its preset cases, limit applied).
    public static func warnings(plan: GatePlan, cases: Int) -> [String] {
        guard plan.models.contains(where: { $0.provider != .scripted }) else { return [] }
        return warnings(thresholds: plan.thresholds, settings: plan.judgement, cases: cases, repetitions: plan.workload.repetitions)
    }

    /// The spreads assumed without a pilot (`modegate plan`'s defaults): 0.3 between cases,
    /// 0.2 within one.
    public static let assumed = (between: 0.3, within: 0.2)
    /// A margin wider than this (half the reward scale) tolerates anything: not worth suggesting.
    static let usefulMargin = 0.5

    /// One line per gate whose margin no tie can pass; none in point mode.
    public static func warnings(
        thresholds: Thresholds, settings: JudgementSettings, cases: Int, repetitions: Int, power: Double = 0.8
    ) -> [String] {
        guard settings.mode == .statistical else { return [] }
        let gates: [(key: String, value: Double)] = [
            ("min_reward_delta", thresholds.minRewardDelta), ("min_completion_delta", thresholds.minCompletionDelta),
        ].filter { $0.value > -Judge.tolerance }
        guard !gates.isEmpty else { return [] }
        let mode = settings.sequential == nil ? "statistical mode" : "sequential judging"
        let spreads = String(format: "at assumed spreads of %.1f between cases and %.1f within (`modegate plan --pilot RUN` measures yours)",
                             assumed.between, assumed.within)
        let advice: String
        if let sequential = settings.sequential, cases < sequential.minCases {
            advice = "; besides, the workload's \(cases) cases are fewer than judgement.sequential.min_cases (\(sequential.minCases)), so no look is taken"
        } else if let suggested = suggestedMargin(settings: settings, cases: cases, repetitions: repetitions, power: power) {
            advice = suggested >= -usefulMargin
                ? String(format: "; a margin of %.2f would let a tie pass at %d cases × %d repetitions with %.0f%% power, %@",
                         suggested, cases, repetitions, power * 100, spreads)
                : String(format: "; at %d cases no margin down to −%.1f lets a tie pass with %.0f%% power, %@: add cases (`modegate plan` sizes them)",
                         cases, usefulMargin, power * 100, spreads)
        } else {
            advice = ""
        }
        return gates.map { gate in
            String(format: "thresholds.%@ is %g: in %@ a candidate exactly as good as the baseline can never pass it (the interval of a tie always reaches below %g), so such a run ends inconclusive (exit 2)",
                   gate.key, gate.value, mode, gate.value) + advice
        }
    }

    /// The margin, rounded out to the hundredth, that a true tie passes at `cases` × `repetitions`
    /// with `power`; nil without cases.
    public static func suggestedMargin(settings: JudgementSettings, cases: Int, repetitions: Int, power: Double) -> Double? {
        guard cases > 0 else { return nil }
        let tie = VarianceComponents(mean: 0, between: assumed.between * assumed.between, within: assumed.within * assumed.within)
        let standardError = tie.varianceOfMean(cases: cases, repetitions: max(repetitions, 1)).squareRoot()
        // The spread of one case's mean difference, which the confidence sequence is drawn on.
        let sd = standardError * Double(cases).squareRoot()
        let halfWidth: Double
        if let sequential = settings.sequential {
            halfWidth = ConfidenceSequence(confidence: settings.confidence, target: 4 * sequential.minCases).halfWidth(count: cases, sd: sd)
        } else {
            halfWidth = StandardNormal.quantile((1 + settings.confidence) / 2) * standardError
        }
        let margin = halfWidth + StandardNormal.quantile(power) * standardError
        return -(margin * 100).rounded(.up) / 100
    }
}
