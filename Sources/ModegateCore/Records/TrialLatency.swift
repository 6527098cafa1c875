import Foundation

/// Seconds spent in a trial, split by where the time went.
public struct TrialLatency: Sendable, Codable, Hashable {
    /// Wall-clock seconds of the whole trial; the judge's p95 latency and the summary use it.
    public var total: Double
    /// Seconds waiting for the model's answers (a replay's are the recorded ones).
    public var model: Double
    /// Seconds in tool calls, summed over calls, so calls made at once add up.
    public var tool: Double
    /// Seconds Code Mode programs ran, their tool calls included.
    public var sandbox: Double

    /// Times as given; none by default.
    public init(total: Double = 0, model: Double = 0, tool: Double = 0, sandbox: Double = 0) {
        self.total = total
        self.model = model
        self.tool = tool
        self.sandbox = sandbox
    }
}
