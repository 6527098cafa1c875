/// A tool as a model and a program see it: MCP's `tools/list` entry.
public struct ToolDescriptor: Sendable, Hashable, Codable {
    /// The name models and programs call the tool by.
    public var name: String
    /// What the tool does, in the words a model reads.
    public var description: String
    /// JSON Schema of the arguments object.
    public var inputSchema: JSONValue
    /// JSON Schema of the result (MCP's `outputSchema`, its `structuredContent`), when the tool
    /// states one.
    public var outputSchema: JSONValue?

    /// A tool as given.
    public init(name: String, description: String, inputSchema: JSONValue, outputSchema: JSONValue? = nil) {
        self.name = name
        self.description = description
        self.inputSchema = inputSchema
        self.outputSchema = outputSchema
    }

    enum CodingKeys: String, CodingKey { case name, description, inputSchema = "input_schema", outputSchema = "output_schema" }
}
