import ModegateCore

/// Everything one program did: its outcome, what it logged, and every tool call it made.
public struct SandboxRun: Sendable, Hashable {
    /// How the program ended.
    public var outcome: SandboxOutcome
    /// What the program logged with `console.log`, line by line, up to `max_log_bytes`.
    public var logs: [String]
    /// True when logs were dropped at `max_log_bytes`.
    public var logsTruncated: Bool
    /// Every tool call the program made, in call order.
    public var toolCalls: [ToolCallRecord]
    /// Waves of tool calls: calls issued while the engine ran, answered together.
    public var waves: Int
    /// Seconds from submission to outcome, as the host saw them (including waiting for a worker).
    public var wallSeconds: Double
    /// Seconds from handing the program to its worker to its outcome: what the limits govern.
    public var programSeconds: Double = 0

    /// A run as given; the seconds are set by whoever measured them.
    public init(
        outcome: SandboxOutcome, logs: [String] = [], logsTruncated: Bool = false, toolCalls: [ToolCallRecord] = [],
        waves: Int = 0, wallSeconds: Double = 0
    ) {
        self.outcome = outcome
        self.logs = logs
        self.logsTruncated = logsTruncated
        self.toolCalls = toolCalls
        self.waves = waves
        self.wallSeconds = wallSeconds
    }
}
