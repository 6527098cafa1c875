import ModegateCore

/// One tool call a program made and what came back.
public struct ToolCallRecord: Sendable, Hashable, Codable {
    /// The program's own number for the call.
    public var id: Int
    /// The wave the call was answered in, from 1.
    public var wave: Int
    /// The tool called.
    public var name: String
    /// The arguments the program passed.
    public var arguments: JSONValue
    /// What the program received.
    public var result: ToolResult

    /// A record as given.
    public init(id: Int, wave: Int, name: String, arguments: JSONValue, result: ToolResult) {
        self.id = id
        self.wave = wave
        self.name = name
        self.arguments = arguments
        self.result = result
    }
}
