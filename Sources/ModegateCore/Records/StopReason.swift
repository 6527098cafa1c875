import Foundation

/// Why a run stopped before its workload was done. Its description is what the run summary's
/// `cancel_reason` says and what the command line prints.
public enum StopReason: Sendable, Hashable, CustomStringConvertible {
    /// Ctrl-C or SIGTERM: finished trials are kept, `--resume` plays the rest.
    case interrupted
    /// A limit of the gate's `budget:` was reached.
    case budget(BudgetLimit)
    /// An MCP server could not be started again; the message names it and its stderr file.
    case serverHalted(String)
    /// A trial could not be written to the store.
    case recordingFailed(String)
    /// The run could not get going (its servers or runtimes failed to open).
    case setupFailed(String)
    /// Whoever reviews the trials between batches asked to stop (sequential judging).
    case requested(String)

    /// A budget limit and its configured maximum.
    public enum BudgetLimit: Sendable, Hashable {
        /// `budget.max_model_requests`.
        case modelRequests(Int)
        /// `budget.max_seconds`.
        case seconds(Double)
        /// `budget.max_cost`.
        case cost(Double)
    }

    /// The summary's `cancel_reason`, also what the command line prints.
    public var description: String {
        switch self {
        case .interrupted: "interrupted"
        case .budget(.modelRequests(let maximum)): "budget max_model_requests (\(maximum)) exhausted"
        case .budget(.seconds(let maximum)): "budget max_seconds (\(maximum)) exhausted"
        case .budget(.cost(let maximum)): String(format: "budget max_cost (%.2f) exhausted", maximum)
        case .serverHalted(let message), .setupFailed(let message), .requested(let message): message
        case .recordingFailed(let message): "could not record a trial: \(message)"
        }
    }
}
