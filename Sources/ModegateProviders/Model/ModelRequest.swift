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
