/// The judge's decision and all its evidence: one value that every renderer draws from and that
/// alone decides the exit code.
public struct Verdict: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        case pass, fail, inconclusive, error
    }

    /// Why a verdict is `error`: bad or unusable input (exit 3) or a run that did not finish (exit 4).
    public enum ErrorKind: String, Sendable, Codable {
        case invalidInput = "invalid_input"
        case runError = "run_error"
    }

    public var status: Status
    public var errorKind: ErrorKind?
    public var errorMessage: String?
    public var judgement: JudgementSettings
    public var thresholds: Thresholds
    public var candidate: ArmReport
    public var baseline: ArmReport
    public var coverage: Coverage
    public var gates: [GateResult]
    /// Paired trials the baseline completed and the candidate did not: listed in every mode.
    public var completionRegressions: [PairKey]
    public var completionGains: [PairKey]
    public var rewardRegressions: [PairKey]
    public var warnings: [String]

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
        case status, judgement, thresholds, candidate, baseline, coverage, gates, warnings
        case errorKind = "error_kind", errorMessage = "error_message"
        case completionRegressions = "completion_regressions", completionGains = "completion_gains"
        case rewardRegressions = "reward_regressions"
    }
}
