/// A tool as a model and a program see it: MCP's `tools/list` entry.
public struct ToolDescriptor: Sendable, Hashable, Codable {
    public var name: String
    public var description: String
    /// JSON Schema of the arguments object.
    public var inputSchema: JSONValue

    public init(name: String, description: String, inputSchema: JSONValue) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
    }

    enum CodingKeys: String, CodingKey { case name, description, inputSchema = "input_schema" }
}
