import ModegateCore

/// How a program ended. Every way is typed, so the harness can count and explain it.
public enum SandboxOutcome: Sendable, Hashable {
    /// Which limit a timeout hit: the engine's CPU watchdog or the host's wall clock.
    public enum TimeoutKind: String, Sendable, Codable { case cpu, wall }

    /// The program returned; `undefined` is `null`.
    case value(JSONValue)
    /// The program does not parse. Line and column are 1-based in the program as written.
    case syntaxError(line: Int, column: Int, message: String)
    /// An uncaught exception (or a rejected promise) that is not a tool's failure.
    case exception(name: String, message: String, stack: String)
    /// The program ran out of CPU time or wall-clock time.
    case timeout(TimeoutKind)
    /// The program hit its memory limit (or the engine died of it).
    case outOfMemory
    /// A tool call failed and the program did not catch the error.
    case toolError(tool: String, message: String)
    /// The result's JSON is over `max_output_bytes`.
    case outputTooLarge(bytes: Int, limit: Int)
    /// A policy check stopped the program: size, a denied tool, the tool-call budget.
    case guardrailBlocked(reason: String)
    /// The program waits on a promise that nothing can settle any more.
    case stalled
    /// The sandbox itself failed (a worker could not start or crashed): an infrastructure error.
    case workerFailure(String)

    /// A short name for records and logs.
    public var kind: String {
        switch self {
        case .value: "value"
        case .syntaxError: "syntax_error"
        case .exception: "exception"
        case .timeout: "timeout"
        case .outOfMemory: "out_of_memory"
        case .toolError: "tool_error"
        case .outputTooLarge: "output_too_large"
        case .guardrailBlocked: "guardrail_blocked"
        case .stalled: "stalled"
        case .workerFailure: "worker_failure"
        }
    }

    /// One line a person (or the model) can act on.
    public var summary: String {
        switch self {
        case .value: "the program returned a value"
        case .syntaxError(let line, let column, let message): "SyntaxError at line \(line), column \(column): \(message)"
        case .exception(let name, let message, _): "\(name): \(message)"
        case .timeout(let kind): kind == .cpu ? "the program used up its CPU time" : "the program ran past its wall-clock limit"
        case .outOfMemory: "the program ran out of memory"
        case .toolError(let tool, let message): "tool \(tool) failed: \(message)"
        case .outputTooLarge(let bytes, let limit): "the result is \(bytes) bytes, over the \(limit)-byte limit"
        case .guardrailBlocked(let reason): "blocked by a guardrail: \(reason)"
        case .stalled: "the program is waiting on a promise that can never settle"
        case .workerFailure(let message): "sandbox failure: \(message)"
        }
    }
}
