import ModegateCore

/// What answers one trial's requests: the harness sends them in order, one at a time, and
/// closes the session when the trial ends.
public protocol ModelSession: Sendable {
    /// Throws `ModelError` when no answer can be had (timeouts, HTTP errors, garbage responses).
    func complete(_ request: ModelRequest) async throws -> ModelResponse
    /// Ends the session early (the trial is over); releases anything it holds.
    func close() async
    /// The trial's time as recorded, for a session that plays a recording (replay); nil for a
    /// live model, whose trial is timed as it happens.
    var recordedLatency: TrialLatency? { get }
}

extension ModelSession {
    public var recordedLatency: TrialLatency? { nil }
}
