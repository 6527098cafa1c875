/// The judge's decision and all its evidence: one value that every renderer draws from and that
/// alone decides the exit code.
public struct Verdict: Sendable, Hashable, Codable {
    /// The overall outcome: the gates combined, or `error` when they could not be judged.
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Every gate passed; one failed; none failed but one is undecided; the runs could not be judged.
        case pass, fail, inconclusive, error
    }

    /// Why a verdict is `error`: bad or unusable input (exit 3) or a run that did not finish (exit 4).
    public enum ErrorKind: String, Sendable, Codable {
        /// The gate file, a run or a reference was unusable: exit 3.
        case invalidInput = "invalid_input"
        /// A run did not finish or was cancelled: exit 4.
        case runError = "run_error"
    }

    /// The overall outcome.
    public var status: Status
    /// Why the verdict is `error`; nil otherwise.
    public var errorKind: ErrorKind?
    /// What went wrong, for an `error` verdict, with what to do about it.
    public var errorMessage: String?
    /// The settings the judge used.
    public var judgement: JudgementSettings
    /// The criteria the judge applied, flags and defaults resolved.
    public var thresholds: Thresholds
    /// The run judged for promotion.
    public var candidate: ArmReport
    /// The run it was compared against.
    public var baseline: ArmReport
    /// How much of the two runs was paired.
    public var coverage: Coverage
    /// Each gate's evidence, in a fixed order.
    public var gates: [GateResult]
    /// Paired trials the baseline completed and the candidate did not: listed in every mode.
    public var completionRegressions: [PairKey]
    /// Paired trials the candidate completed and the baseline did not.
    public var completionGains: [PairKey]
    /// Paired trials where the candidate's reward is below the baseline's.
    public var rewardRegressions: [PairKey]
    /// What the reader should know but does not change the outcome (unpaired trials, restarts).
    public var warnings: [String]
    /// With `judgement.sequential`: the cases and looks used, and the fixed-size run's cost.
    public var sequential: SequentialSummary?
    /// When the baseline was a stored run reused, not played: which, and what differed.
    public var baselineReuse: BaselineReuse?
    /// What each arm spent per paired trial, side by side; nil when no trial paired.
    public var costs: CostComparison? = nil
    /// What sets the candidate's arm apart from the baseline's (`ArmDifferences`), from the
    /// plans the runs' manifests hold: what the verdict is evidence about.
    public var armDifferences: [String] = []
    /// Each preset's gates, by preset name (`by_preset`): descriptive, or counted too with
    /// `thresholds.per_preset`; empty for an `error` verdict.
    public var byPreset: [String: PresetVerdict] = [:]

    /// The one computation from verdict to process exit code (DESIGN §2).
    public var exitStatus: ExitStatus {
        switch status {
        case .pass: .pass
        case .fail: .fail
        case .inconclusive: .inconclusive
        case .error: errorKind == .invalidInput ? .invalidInput : .runError
        }
    }

    /// Promote when every gate passed; anything else holds the rollout.
    public var decision: String { status == .pass ? "promote" : "hold" }

    enum CodingKeys: String, CodingKey {
        case status, judgement, thresholds, candidate, baseline, coverage, gates, warnings, sequential
        case baselineReuse = "baseline_reuse"
        case errorKind = "error_kind", errorMessage = "error_message"
        case completionRegressions = "completion_regressions", completionGains = "completion_gains"
        case rewardRegressions = "reward_regressions"
        case costs
        case byPreset = "by_preset"
        case armDifferences = "arm_differences"
    }
}
