import Foundation

/// Why a trial did not finish normally. `category` separates infrastructure failures (which count
/// toward `max_error_rate`) from the model's own failures (which count against completion only).
public struct TrialError: Sendable, Codable, Hashable {
    /// What kind of failure it was; `isInfrastructure` decides where it counts.
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// - `provider`: the model could not be had: an HTTP error, a timeout, an unreadable answer, a
        ///   replay miss; also any failure without a kind of its own.
        /// - `mcp`: the tools' MCP server, or an external Code Mode server, failed under the trial.
        /// - `sandbox`: the sandbox itself failed, not the program.
        /// - `tool`: a tool's failure ended the trial.
        /// - `timeout`: the trial ran out of time.
        /// - `budget`: the run's `budget:` ran out during the trial.
        /// - `guardrail`: a guardrail ended the trial.
        /// - `model`: no final answer within `max_steps`.
        /// - `answer`: the final answer is not JSON or does not match the case's answer schema.
        /// - `cancelled`: the run was interrupted; `--resume` plays the trial again.
        ///
        /// The harness records no `sandbox`, `tool`, `timeout` or `guardrail` error today: a program's
        /// failure, a failed tool call and a blocked program go back to the model, which may recover.
        case provider, mcp, sandbox, tool, timeout, budget, guardrail, model, answer, cancelled

        /// Infrastructure errors are the harness's or a service's fault, not the strategy's.
        public var isInfrastructure: Bool {
            switch self {
            case .provider, .mcp, .sandbox, .budget, .cancelled: true
            case .tool, .timeout, .guardrail, .model, .answer: false
            }
        }
    }

    /// Which kind of failure; the infrastructure kinds count toward `max_error_rate`.
    public var category: Category
    /// What happened, in words, for whoever reads the trial's line.
    public var message: String

    /// An error as given.
    public init(category: Category, message: String) {
        self.category = category
        self.message = message
    }
}
