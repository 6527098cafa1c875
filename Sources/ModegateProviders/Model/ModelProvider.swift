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
    func session(for trial: TrialContext) -> any ModelSession
}

extension ModelProvider {
    public var transcriptFormat: String { NeutralTranscriptFormat.name }
    public var endpointDescription: String? { nil }
}

public protocol ModelSession: Sendable {
    /// Throws `ModelError` when no answer can be had (timeouts, HTTP errors, garbage responses).
    func complete(_ request: ModelRequest) async throws -> ModelResponse
    /// Ends the session early (the trial is over); releases anything it holds.
    func close() async
}

extension ModelSession {
    public func close() async {}
}

/// Why a model gave no answer: recorded in the trial as a provider error.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// The request that failed and whatever came back, for the transcript.
    public var exchange: ModelExchange?

    public init(_ message: String, exchange: ModelExchange? = nil) {
        self.message = message
        self.exchange = exchange
    }

    public var description: String { message }
}
