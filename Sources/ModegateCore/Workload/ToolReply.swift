import Foundation

/// What a tool call returned, in MCP's shape: structured content when the tool gives it, text
/// content always, and whether the call failed.
public struct ToolReply: Sendable, Hashable, Codable {
    /// The result as JSON, when the tool gives it structured.
    public var structuredContent: JSONValue?
    /// The result as text; what a tool-calling model reads.
    public var text: String
    /// Whether the call failed (MCP's `isError`).
    public var isError: Bool

    /// A reply as given.
    public init(structuredContent: JSONValue?, text: String, isError: Bool = false) {
        self.structuredContent = structuredContent
        self.text = text
        self.isError = isError
    }

    /// A successful reply carrying a JSON value (as structured content and as its JSON text).
    public static func value(_ value: JSONValue) -> ToolReply {
        ToolReply(structuredContent: value, text: value.jsonText)
    }

    /// A failed call, with `message` as its text.
    public static func failure(_ message: String) -> ToolReply {
        ToolReply(structuredContent: nil, text: message, isError: true)
    }

    /// What a Code Mode program receives (DESIGN §5): the structured content when there is one,
    /// else the text parsed as JSON when it is JSON, else the text itself.
    public var programValue: JSONValue {
        if let structuredContent { return structuredContent }
        if let parsed = try? StableJSON.decoder().decode(JSONValue.self, from: Data(text.utf8)) { return parsed }
        return .string(text)
    }

    enum CodingKeys: String, CodingKey { case structuredContent = "structured_content", text, isError = "is_error" }
}
