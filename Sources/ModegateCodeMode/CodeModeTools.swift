import ModegateCore
import ModegateSandbox

/// The tools a code-mode model sees instead of the suite's: `run_code`, and with discovery
/// `search_tools` and `tool_info` (UTCP-style names, as Code Mode servers use them). The harness's
/// Code Mode strategy and `serve codemode` both answer them from here.
public enum CodeModeTools {
    /// The tool that runs a program.
    public static let runCode = "run_code"
    /// The tool that finds tools by a word.
    public static let searchTools = "search_tools"
    /// The tool that describes one tool.
    public static let toolInfo = "tool_info"

    /// The meta-tools offered over `suiteTools`: `run_code`, and the discovery tools when asked.
    /// With `api: .typescript`, `run_code`'s description ends with the tools' declarations (see
    /// `ToolAPIDeclaration`); with `.names`, with their names.
    public static func descriptors(discovery: Bool, suiteTools: [ToolDescriptor], api: ToolAPI = .typescript) -> [ToolDescriptor] {
        var tools = [ToolDescriptor(
            name: runCode,
            description: runCodeDescription(suiteTools, api: api),
            inputSchema: [
                "type": "object", "required": ["code"], "additionalProperties": false,
                "properties": ["code": ["type": "string", "description": "The program."]],
            ])]
        if discovery {
            tools.append(ToolDescriptor(
                name: searchTools, description: "Find tools by a word in their name or description.",
                inputSchema: ["type": "object", "required": ["query"], "properties": ["query": ["type": "string"]]]))
            tools.append(ToolDescriptor(
                name: toolInfo, description: "The description, input schema and TypeScript declaration of one tool.",
                inputSchema: ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"]]]))
        }
        return tools
    }

    /// What `run_code` says of itself and of the tools a program may call.
    public static func runCodeDescription(_ suiteTools: [ToolDescriptor], api: ToolAPI) -> String {
        let lead = """
            Run a JavaScript program (the body of an async function: top-level await and return work). \
            Call tools as `await tools.NAME({...})`; run independent calls together with Promise.all. \
            Return a JSON value; only what you return comes back to you.
            """
        switch api {
        case .names:
            return lead + " Available tools: \(suiteTools.map(\.name).joined(separator: ", "))."
        case .typescript:
            return lead + " The tools, as TypeScript declarations:\n```ts\n\(ToolAPIDeclaration(tools: suiteTools).text)\n```"
        }
    }

    /// `search_tools`: tools whose name or description mentions the query (all when it is empty).
    public static func search(_ query: String, in tools: [ToolDescriptor]) -> JSONValue {
        let words = query.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "_" })
        let matches = tools.filter { tool in
            let text = (tool.name + " " + tool.description).lowercased()
            return words.isEmpty || words.contains { text.contains($0) }
        }
        return .array(matches.map { ["name": .string($0.name), "description": .string($0.description)] })
    }

    /// `tool_info`: one tool's description, schemas and TypeScript declaration.
    public static func info(_ name: String, in tools: [ToolDescriptor]) -> JSONValue? {
        tools.first { $0.name == name }.map {
            var info: [String: JSONValue] = [
                "name": .string($0.name), "description": .string($0.description), "input_schema": $0.inputSchema,
                "declaration": .string(ToolAPIDeclaration.declaration(of: $0)),
            ]
            if let output = $0.outputSchema { info["output_schema"] = output }
            return .object(info)
        }
    }

    /// What the model sees of a program: its value (and logs), or its typed error; the flag is
    /// true for an error.
    public static func reply(to run: SandboxRun) -> (content: String, isError: Bool) {
        var body: [String: JSONValue] = [:]
        if !run.logs.isEmpty { body["logs"] = .array(run.logs.map(JSONValue.string)) }
        if case .value(let value) = run.outcome {
            body["result"] = value
            return (JSONValue.object(body).jsonText, false)
        }
        body["error"] = ["kind": .string(run.outcome.kind), "message": .string(run.outcome.summary)]
        return (JSONValue.object(body).jsonText, true)
    }
}
