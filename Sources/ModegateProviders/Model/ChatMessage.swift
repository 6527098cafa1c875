import ModegateCore

/// One message of a conversation with a model, in the shape every provider maps to its wire format.
public struct ChatMessage: Sendable, Hashable, Codable {
    /// Who speaks: `system` (the harness's instructions), `user` (the case's task), `assistant`
    /// (the model) or `tool` (a tool's answer to one call).
    public enum Role: String, Sendable, Codable { case system, user, assistant, tool }

    /// Who speaks.
    public var role: Role
    /// The text; empty for an assistant message that only calls tools.
    public var content: String
    /// Calls the assistant asked for (assistant messages only).
    public var toolCalls: [ModelToolCall]
    /// The call this message answers (tool messages only).
    public var toolCallID: String?
    /// A tool message that reports a failure.
    public var isError: Bool

    /// A message as given.
    public init(role: Role, content: String, toolCalls: [ModelToolCall] = [], toolCallID: String? = nil, isError: Bool = false) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.isError = isError
    }

    /// The system prompt.
    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    /// A user message: the case's prompt and answer schema, as the harness words them.
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }

    /// A tool's answer to the call `callID`; `isError` marks a failure.
    public static func toolResult(_ callID: String, _ content: String, isError: Bool = false) -> ChatMessage {
        ChatMessage(role: .tool, content: content, toolCallID: callID, isError: isError)
    }

    /// Bytes this message puts into the model's context.
    public var byteCount: Int {
        content.utf8.count + toolCalls.reduce(0) { $0 + $1.byteCount }
    }

    enum CodingKeys: String, CodingKey {
        case role, content, toolCallID = "tool_call_id", toolCalls = "tool_calls", isError = "is_error"
    }
}
