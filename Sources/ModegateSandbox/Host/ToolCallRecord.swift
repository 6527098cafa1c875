import ModegateCore

/// One tool call a program made and what came back.
public struct ToolCallRecord: Sendable, Hashable, Codable {
    public var id: Int
    public var wave: Int
    public var name: String
    public var arguments: JSONValue
    public var result: ToolResult

    public init(id: Int, wave: Int, name: String, arguments: JSONValue, result: ToolResult) {
        self.id = id
        self.wave = wave
        self.name = name
        self.arguments = arguments
        self.result = result
    }
}
