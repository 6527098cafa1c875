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

extension ModelSession {
    /// Nothing to release.
    public func close() async {}
}
