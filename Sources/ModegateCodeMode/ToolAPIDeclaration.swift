import ModegateCore

/// A suite's tools as a typed API, the way Cloudflare's codemode, UTCP code-mode and Pydantic's
/// CodeMode present them: TypeScript declarations of `tools.NAME(args): Promise<Result>`, made
/// from the tools' `inputSchema` (and `outputSchema` when given), with their descriptions as doc
/// comments. The text is a pure function of the tools, so it is byte-stable across turns and
/// trials (provider prompt caches hit).
public struct ToolAPIDeclaration: Sendable, Hashable {
    /// The declarations, ready to put in front of the model.
    public let text: String
    /// How much of the API the schemas type precisely.
    public let fidelity: SchemaFidelity

    /// The declarations of `tools`, in the order given.
    public init(tools: [ToolDescriptor]) {
        var fidelity = SchemaFidelity()
        let members = tools.map { Self.member($0, indent: "  ", fidelity: &fidelity) }
        text = "declare const tools: {\n" + members.joined(separator: "\n") + "\n};"
        self.fidelity = fidelity
    }

    /// One tool's declaration alone (`tool_info`), as it appears in the API.
    public static func declaration(of tool: ToolDescriptor) -> String {
        var fidelity = SchemaFidelity()
        return member(tool, indent: "", fidelity: &fidelity)
    }

    private static func member(_ tool: ToolDescriptor, indent: String, fidelity: inout SchemaFidelity) -> String {
        let definitions = Self.definitions(tool.inputSchema)
        let properties = tool.inputSchema["properties"]?.objectValue ?? [:]
        for name in properties.keys {
            fidelity.parameters += 1
            if TypeScriptType.of(properties[name], definitions: definitions).isPrecise { fidelity.preciseParameters += 1 }
        }
        let arguments = TypeScriptType.of(tool.inputSchema, indent: indent, definitions: definitions)
        let result = tool.outputSchema.map { TypeScriptType.of($0, indent: indent, definitions: Self.definitions($0)) }
        fidelity.results += 1
        if result?.isPrecise == true { fidelity.preciseResults += 1 }
        // A tool without parameters is called with an empty object.
        let parameter = properties.isEmpty && arguments.text.hasPrefix("{") ? "args?: {}" : "args: \(arguments.text)"
        return TypeScriptType.docComment(tool.description, indent: indent)
            + "\(indent)\(TypeScriptType.key(tool.name))(\(parameter)): Promise<\(result?.text ?? "unknown")>;"
    }

    private static func definitions(_ schema: JSONValue) -> [String: JSONValue] {
        (schema["$defs"]?.objectValue ?? [:]).merging(schema["definitions"]?.objectValue ?? [:]) { first, _ in first }
    }
}
