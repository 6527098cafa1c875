import ModegateCore

/// One request to a model: the conversation so far and the tools it may call.
public struct ModelRequest: Sendable, Hashable {
    public var messages: [ChatMessage]
    public var tools: [ToolDescriptor]
    /// Bytes of the tool schemas; the same for every request of a trial, so counted once.
    public var toolBytes: Int

    public init(messages: [ChatMessage], tools: [ToolDescriptor], toolBytes: Int? = nil) {
        self.messages = messages
        self.tools = tools
        self.toolBytes = toolBytes ?? Self.byteCount(of: tools)
    }

    public static func byteCount(of tools: [ToolDescriptor]) -> Int {
        tools.reduce(0) { $0 + $1.name.utf8.count + $1.description.utf8.count + $1.inputSchema.jsonText.utf8.count }
    }

    /// Bytes sent: every message plus every tool schema (what a real API request carries).
    public var byteCount: Int { messages.reduce(0) { $0 + $1.byteCount } + toolBytes }
}

/// The model's answer to one request.
public struct ModelResponse: Sendable, Hashable {
    public enum StopReason: String, Sendable, Codable { case endTurn = "end_turn", toolUse = "tool_use", maxTokens = "max_tokens" }

    public var message: ChatMessage
    public var usage: TokenUsage
    public var stopReason: StopReason
    /// The request and answer as they went over the wire, for the transcript; nil for a model
    /// with no wire (the trial's transcript then writes the conversation itself).
    public var exchange: ModelExchange?
    /// The latency to record instead of the one measured: a replayed answer reports the original
    /// request's, so replayed runs keep their latency figures.
    public var recordedSeconds: Double?

    public init(message: ChatMessage, usage: TokenUsage, stopReason: StopReason, exchange: ModelExchange? = nil,
                recordedSeconds: Double? = nil) {
        self.message = message
        self.usage = usage
        self.stopReason = stopReason
        self.exchange = exchange
        self.recordedSeconds = recordedSeconds
    }
}

/// Tokens of one request, as the provider reported them or as estimated.
public struct TokenUsage: Sendable, Hashable, Codable {
    public var prompt: Int
    public var completion: Int
    public var cached: Int
    /// True when the counts are estimates from bytes (the scripted model), not a provider's report.
    public var estimated: Bool

    public init(prompt: Int, completion: Int, cached: Int = 0, estimated: Bool) {
        self.prompt = prompt
        self.completion = completion
        self.cached = cached
        self.estimated = estimated
    }

    /// About four bytes of English or JSON per token: the estimate for models that report none.
    public static func estimate(promptBytes: Int, completionBytes: Int) -> TokenUsage {
        TokenUsage(prompt: (promptBytes + 3) / 4, completion: (completionBytes + 3) / 4, estimated: true)
    }
}
