/// What one program may use (the gate's `candidate.limits`).
public struct SandboxLimits: Sendable, Hashable, Codable {
    /// CPU seconds inside the engine, enforced by the engine's watchdog per entry.
    public var cpuSeconds: Double
    /// Wall-clock seconds from start to result, enforced by killing the worker.
    public var wallSeconds: Double
    /// Address space the program may add on top of the warmed-up engine.
    public var memoryMB: Int
    /// Tool calls a program may make; one more is a guardrail block.
    public var maxToolCalls: Int
    /// Characters a program may have; a longer one is refused before it runs.
    public var maxCodeChars: Int
    /// Bytes of the result's JSON; a larger result is `outputTooLarge`.
    public var maxOutputBytes: Int
    /// Bytes of `console.log` output kept; the rest is dropped and flagged.
    public var maxLogBytes: Int
    /// Tools a program may not call: a program that names one is refused, a call to one is blocked.
    public var deniedTools: [String]

    /// Limits as given; the defaults are the gate file's.
    public init(
        cpuSeconds: Double = 30, wallSeconds: Double = 30, memoryMB: Int = 256, maxToolCalls: Int = 500,
        maxCodeChars: Int = 12_000, maxOutputBytes: Int = 200_000, maxLogBytes: Int = 65_536, deniedTools: [String] = []
    ) {
        self.cpuSeconds = cpuSeconds
        self.wallSeconds = wallSeconds
        self.memoryMB = memoryMB
        self.maxToolCalls = maxToolCalls
        self.maxCodeChars = maxCodeChars
        self.maxOutputBytes = maxOutputBytes
        self.maxLogBytes = maxLogBytes
        self.deniedTools = deniedTools
    }

    enum CodingKeys: String, CodingKey {
        case cpuSeconds = "cpu_seconds", wallSeconds = "wall_seconds", memoryMB = "memory_mb"
        case maxToolCalls = "max_tool_calls", maxCodeChars = "max_code_chars", maxOutputBytes = "max_output_bytes"
        case maxLogBytes = "max_log_bytes", deniedTools = "denied_tools"
    }
}
