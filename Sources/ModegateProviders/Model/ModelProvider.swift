import ModegateCore

/// A source of model answers. A provider opens one session per trial, so a model with per-trial
/// state (the scripted model's lockstep program) keeps it there; HTTP providers are stateless.
public protocol ModelProvider: Sendable {
    /// The model's name as records show it.
    var modelName: String { get }
    /// How the provider's exchanges are written in transcripts: its wire format's name, or
    /// `modegate` when it has no wire (the transcript then holds the conversation itself).
    var transcriptFormat: String { get }
    /// Where requests go, for `run --dry-run` (nil for a model with no wire).
    var endpointDescription: String? { get }
    /// The session that answers one trial's requests: an HTTP provider answers as itself, the
    /// scripted model opens a fresh one per trial.
    func session(for trial: TrialContext) -> any ModelSession
}

extension ModelProvider {
    /// A model with no wire writes the neutral format.
    public var transcriptFormat: String { NeutralTranscriptFormat.name }
    /// A model with no wire has no endpoint.
    public var endpointDescription: String? { nil }
}

/// What answers one trial's requests: the harness sends them in order, one at a time, and
/// closes the session when the trial ends.
public protocol ModelSession: Sendable {
    /// Throws `ModelError` when no answer can be had (timeouts, HTTP errors, garbage responses).
    func complete(_ request: ModelRequest) async throws -> ModelResponse
    /// Ends the session early (the trial is over); releases anything it holds.
    func close() async
}

extension ModelSession {
    /// Nothing to release.
    public func close() async {}
}

/// Why a model gave no answer: recorded in the trial as a provider error.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as the trial's `provider` error records it.
    public var message: String
    /// The request that failed and whatever came back, for the transcript.
    public var exchange: ModelExchange?

    /// An error with its message and, when a request went out, what the transcript keeps of it.
    public init(_ message: String, exchange: ModelExchange? = nil) {
        self.message = message
        self.exchange = exchange
    }

    /// The message, for logs and error output.
    public var description: String { message }
}
