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

/// One arm of the comparison as the verdict reports it.
public struct ArmReport: Sendable, Hashable, Codable {
    public var id: String
    public var source: StoredRun.Source
    public var path: String
    public var strategy: Strategy?
    public var presets: [String]
    public var metrics: ArmMetrics

    enum CodingKeys: String, CodingKey { case id, source, path, strategy, presets, metrics }
}

/// Run-level figures of one arm: RLM Code's metrics plus the extended gates' inputs.
public struct ArmMetrics: Sendable, Hashable, Codable {
    public var totalCases: Int
    public var completedCases: Int
    public var attemptedCases: Int
    public var avgReward: Double
    public var completionRate: Double
    public var avgSteps: Double
    public var trials: Int
    public var meanTokens: Double
    public var meanCost: Double
    public var p95Latency: Double
    public var guardrailBlocked: Int
    public var infrastructureErrors: Int
    public var errorRate: Double

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases", attemptedCases = "attempted_cases"
        case avgReward = "avg_reward", completionRate = "completion_rate", avgSteps = "avg_steps", trials
        case meanTokens = "mean_tokens", meanCost = "mean_cost", p95Latency = "p95_latency_seconds"
        case guardrailBlocked = "guardrail_blocked", infrastructureErrors = "infrastructure_errors"
        case errorRate = "error_rate"
    }
}
