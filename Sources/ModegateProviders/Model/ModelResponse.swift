import ModegateCore

/// The model's answer to one request.
public struct ModelResponse: Sendable, Hashable {
    /// Why the model stopped: `endTurn` (its turn is done), `toolUse` (it wants tools
    /// called) or `maxTokens` (it hit `max_output_tokens`).
    public enum StopReason: String, Sendable, Codable { case endTurn = "end_turn", toolUse = "tool_use", maxTokens = "max_tokens" }

    /// The assistant message: text, tool calls, or both.
    public var message: ChatMessage
    /// Tokens the request used.
    public var usage: TokenUsage
    /// Why the model stopped.
    public var stopReason: StopReason
    /// The request and answer as they went over the wire, for the transcript; nil for a model
    /// with no wire (the trial's transcript then writes the conversation itself).
    public var exchange: ModelExchange?
    /// The latency to record instead of the one measured: a replayed answer reports the original
    /// request's, so replayed runs keep their latency figures.
    public var recordedSeconds: Double?

    /// An answer as given.
    public init(message: ChatMessage, usage: TokenUsage, stopReason: StopReason, exchange: ModelExchange? = nil,
                recordedSeconds: Double? = nil) {
        self.message = message
        self.usage = usage
        self.stopReason = stopReason
        self.exchange = exchange
        self.recordedSeconds = recordedSeconds
    }
}
