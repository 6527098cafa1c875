import ModegateCodeMode
import ModegateCore

/// The pre-flight check of the tools a run offers, before its first trial: a name a program
/// cannot write as `tools.NAME`, a name the providers' tool calling rejects (offered renamed,
/// the map shown), an output schema that is not an object schema. Problems are warnings that name the tool; the run goes on.
public struct ToolContract {
    /// Function names OpenAI's and Anthropic's tool calling accept.
    public static let functionName = #"^[A-Za-z0-9_-]{1,64}$"#

    /// Warnings for the arm that plays `strategy` with `tools`.
    public static func warnings(tools: [ToolDescriptor], strategy: Strategy) -> [String] {
        var warnings: [String] = []
        let names = FunctionNameMap(tools)
        for tool in tools {
            switch strategy {
            case .codemode:
                if !TypeScriptType.isIdentifier(tool.name) {
                    warnings.append("tool '\(tool.name)' is not a JavaScript identifier: programs must call it as tools[\"\(tool.name)\"] (the declarations write it so)")
                }
            case .toolCall:
                if let offered = names.renamed[tool.name] {
                    warnings.append("tool '\(tool.name)' is not a valid function name for tool calling (letters, digits, '_' and '-', at most 64): the tool-calling model is offered it as '\(offered)', and its calls are mapped back")
                }
            }
            if let output = tool.outputSchema, output["type"]?.stringValue != "object" {
                warnings.append("tool '\(tool.name)' has an outputSchema whose type is not object; MCP requires structuredContent to be an object")
            }
        }
        return warnings
    }
}
