import ModegateCore

/// Everything one program did: its outcome, what it logged, and every tool call it made.
public struct SandboxRun: Sendable, Hashable {
    public var outcome: SandboxOutcome
    public var logs: [String]
    public var logsTruncated: Bool
    public var toolCalls: [ToolCallRecord]
    /// Waves of tool calls: calls issued while the engine ran, answered together.
    public var waves: Int
    /// Seconds from submission to outcome, as the host saw them (including waiting for a worker).
    public var wallSeconds: Double
    /// Seconds from handing the program to its worker to its outcome: what the limits govern.
    public var programSeconds: Double = 0

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
