import ModegateCore

/// Why a model gave no answer: recorded in the trial as a provider error.
public struct ModelError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as the trial's `provider` (or `timeout`) error records it.
    public var message: String
    /// The request that failed and whatever came back, for the transcript.
    public var exchange: ModelExchange?
    /// No answer within `model.timeout_seconds`: the trial's error is a `timeout`, not a `provider` one.
    public var timedOut: Bool

    /// An error with its message and, when a request went out, what the transcript keeps of it.
    public init(_ message: String, exchange: ModelExchange? = nil, timedOut: Bool = false) {
        self.message = message
        self.exchange = exchange
        self.timedOut = timedOut
    }

    /// The message, for logs and error output.
    public var description: String { message }
}
