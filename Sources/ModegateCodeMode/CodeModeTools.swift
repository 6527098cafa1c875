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
    public static func descriptors(discovery: Bool, suiteTools: [ToolDescriptor]) -> [ToolDescriptor] {
        let names = suiteTools.map(\.name).joined(separator: ", ")
        var tools = [ToolDescriptor(
            name: runCode,
            description: """
                Run a JavaScript program (the body of an async function: top-level await and return work). \
                Call tools as `await tools.NAME({...})`; run independent calls together with Promise.all. \
                Return a JSON value; only what you return comes back to you. Available tools: \(names).
                """,
            inputSchema: [
                "type": "object", "required": ["code"], "additionalProperties": false,
                "properties": ["code": ["type": "string", "description": "The program."]],
            ])]
        if discovery {
            tools.append(ToolDescriptor(
                name: searchTools, description: "Find tools by a word in their name or description.",
                inputSchema: ["type": "object", "required": ["query"], "properties": ["query": ["type": "string"]]]))
            tools.append(ToolDescriptor(
                name: toolInfo, description: "The description and input schema of one tool.",
                inputSchema: ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"]]]))
        }
        return tools
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

    /// `tool_info`: one tool's description and schema.
    public static func info(_ name: String, in tools: [ToolDescriptor]) -> JSONValue? {
        tools.first { $0.name == name }.map {
            ["name": .string($0.name), "description": .string($0.description), "input_schema": $0.inputSchema]
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
