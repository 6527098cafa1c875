import ModegateCore

/// One message of a conversation with a model, in the shape every provider maps to its wire format.
public struct ChatMessage: Sendable, Hashable, Codable {
    public enum Role: String, Sendable, Codable { case system, user, assistant, tool }

    public var role: Role
    public var content: String
    /// Calls the assistant asked for (assistant messages only).
    public var toolCalls: [ModelToolCall]
    /// The call this message answers (tool messages only).
    public var toolCallID: String?
    /// A tool message that reports a failure.
    public var isError: Bool

    public init(role: Role, content: String, toolCalls: [ModelToolCall] = [], toolCallID: String? = nil, isError: Bool = false) {
        self.role = role
        self.content = content
        self.toolCalls = toolCalls
        self.toolCallID = toolCallID
        self.isError = isError
    }

    public static func system(_ text: String) -> ChatMessage { ChatMessage(role: .system, content: text) }
    public static func user(_ text: String) -> ChatMessage { ChatMessage(role: .user, content: text) }

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

/// A tool call requested by the model.
public struct ModelToolCall: Sendable, Hashable, Codable {
    public var id: String
    public var name: String
    public var arguments: JSONValue
    /// Bytes of the name and the arguments' JSON, counted once: requests re-send the whole history.
    public let byteCount: Int

    public init(id: String, name: String, arguments: JSONValue) {
        self.id = id
        self.name = name
        self.arguments = arguments
        byteCount = name.utf8.count + arguments.jsonText.utf8.count
    }

    enum CodingKeys: String, CodingKey { case id, name, arguments }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            id: try container.decode(String.self, forKey: .id), name: try container.decode(String.self, forKey: .name),
            arguments: try container.decode(JSONValue.self, forKey: .arguments))
    }
}
