import ModegateCore

/// One request to a model: the conversation so far and the tools it may call.
public struct ModelRequest: Sendable, Hashable {
    /// The conversation so far: system prompt, the case's task, then turns in order.
    public var messages: [ChatMessage]
    /// The tools the model may call (the suite's in tool_call, Code Mode's own in codemode).
    public var tools: [ToolDescriptor]
    /// Bytes of the tool schemas; the same for every request of a trial, so counted once.
    public var toolBytes: Int

    /// A request; `toolBytes` is counted from `tools` unless the caller already knows it.
    public init(messages: [ChatMessage], tools: [ToolDescriptor], toolBytes: Int? = nil) {
        self.messages = messages
        self.tools = tools
        self.toolBytes = toolBytes ?? Self.byteCount(of: tools)
    }

    /// Bytes the tool schemas add to a request: names, descriptions and input schemas' JSON.
    public static func byteCount(of tools: [ToolDescriptor]) -> Int {
        tools.reduce(0) { $0 + $1.name.utf8.count + $1.description.utf8.count + $1.inputSchema.jsonText.utf8.count }
    }

    /// Bytes sent: every message plus every tool schema (what a real API request carries).
    public var byteCount: Int { messages.reduce(0) { $0 + $1.byteCount } + toolBytes }
}

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

/// Tokens of one request, as the provider reported them or as estimated.
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Input tokens, cached ones included.
    public var prompt: Int
    /// Output tokens.
    public var completion: Int
    /// Input tokens served from the provider's prompt cache (a part of `prompt`).
    public var cached: Int
    /// True when the counts are estimates from bytes (the scripted model), not a provider's report.
    public var estimated: Bool

    /// Counts as given.
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
