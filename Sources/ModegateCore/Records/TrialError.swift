import Foundation

/// Why a trial did not finish normally. `category` separates infrastructure failures (which count
/// toward `max_error_rate`) from the model's own failures (which count against completion only).
public struct TrialError: Sendable, Codable, Hashable {
    /// What kind of failure it was; `isInfrastructure` decides where it counts.
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// - `provider`: the model could not be had: an HTTP error, an unreadable answer, a replay
        ///   miss; also any failure without a kind of its own.
        /// - `mcp`: the tools' MCP server, or an external Code Mode server, failed under the trial
        ///   (it exited, hung, refused the connection, ended the session).
        /// - `sandbox`: the sandbox itself failed, not the program: no worker could be had, or the
        ///   worker died under the program.
        /// - `timeout`: a service did not answer in time though it was there: the model's request
        ///   ran past `model.timeout_seconds`, or an MCP tool call past the server's
        ///   `timeout_seconds` on a server that still answered its health check.
        /// - `budget`: the run's `budget:` ran out during the trial.
        /// - `cancelled`: the run was interrupted; `--resume` plays the trial again.
        /// - `tool`: no final answer within `max_steps`, and the last step's tool calls (or its
        ///   program's uncaught tool error) failed.
        /// - `guardrail`: no final answer within `max_steps`, and the last step's program was
        ///   blocked by a guardrail.
        /// - `model`: no final answer within `max_steps` otherwise.
        /// - `answer`: the final answer is not JSON or does not match the case's answer schema.
        ///
        /// A failed tool call, a failed program and a blocked program go back to the model, which
        /// may recover; `tool` and `guardrail` name what the model did not recover from.
        case provider, mcp, sandbox, tool, timeout, budget, guardrail, model, answer, cancelled

        /// Infrastructure errors are the harness's or a service's fault, not the strategy's.
        public var isInfrastructure: Bool {
            switch self {
            case .provider, .mcp, .sandbox, .timeout, .budget, .cancelled: true
            case .tool, .guardrail, .model, .answer: false
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
