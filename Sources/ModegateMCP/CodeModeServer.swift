import Foundation
import MCP
import ModegateCore
import ModegateCodeMode
import ModegateSandbox

/// `modegate serve codemode --gate G`: Code Mode as an MCP server with UTCP-style meta-tools —
/// `search_tools`, `tool_info`, and `call_tool_chain`, which runs a JavaScript program in the
/// built-in sandbox against the gate's upstream tools (the suites its presets use). Each MCP
/// session gets fresh upstream sessions, so stateful suites start clean per session.
public struct CodeModeServer: Sendable {
    /// UTCP's name of the search meta-tool.
    public static let searchTools = "search_tools"
    /// UTCP's name of the describe meta-tool.
    public static let toolInfo = "tool_info"
    /// UTCP's name of the tool that runs a program.
    public static let callToolChain = "call_tool_chain"

    /// The suites whose tools programs may call.
    public let upstream: [any Suite]
    /// The suites' parameters (`--params`).
    public let params: JSONValue
    /// Where programs run.
    public let sandbox: Sandbox
    /// Limits of one program (the gate's candidate limits).
    public let limits: SandboxLimits
    /// The upstream tools; a program calls them as `tools.NAME`.
    let tools: [ToolDescriptor]

    /// Throws `MCPUnavailableError` when two suites have a tool of the same name.
    public init(upstream: [any Suite], params: JSONValue, sandbox: Sandbox, limits: SandboxLimits) throws {
        self.upstream = upstream
        self.params = params
        self.sandbox = sandbox
        self.limits = limits
        tools = try Self.upstreamTools(upstream)
    }

    /// The upstream tools, checked for clashing names.
    static func upstreamTools(_ upstream: [any Suite]) throws -> [ToolDescriptor] {
        var seen: [String: String] = [:]
        var tools: [ToolDescriptor] = []
        for suite in upstream {
            for tool in suite.tools {
                if let other = seen[tool.name] {
                    throw MCPUnavailableError(
                        "tool '\(tool.name)' is in both suite '\(other)' and suite '\(suite.name)'; serve one of them")
                }
                seen[tool.name] = suite.name
                tools.append(tool)
            }
        }
        return tools
    }

    /// A server for one MCP session, with fresh upstream sessions.
    public func makeServer() async -> Server {
        let tools = self.tools
        let session = RoutedToolSession(upstream.map { $0.makeSession(params: params) })
        let api = ToolAPIDeclaration(tools: tools).text
        let meta = [
            Tool(
                name: Self.callToolChain,
                description: """
                    Run a JavaScript program (the body of an async function: top-level await and return work) \
                    that calls the tools as `await tools.NAME({...})`; independent calls run together with \
                    Promise.all. Returns {result, logs} or a typed error. The tools, as TypeScript declarations:
                    ```ts
                    \(api)
                    ```
                    """,
                inputSchema: ["type": "object", "required": ["code"], "additionalProperties": false,
                              "properties": ["code": ["type": "string", "description": "The program."]]]),
            Tool(name: Self.searchTools, description: "Find tools by a word in their name or description.",
                 inputSchema: ["type": "object", "properties": ["query": ["type": "string"]]]),
            Tool(name: Self.toolInfo, description: "The description, input schema and TypeScript declaration of one tool.",
                 inputSchema: ["type": "object", "required": ["name"], "properties": ["name": ["type": "string"]]]),
        ]
        let server = Server(
            name: "modegate-codemode", version: ModegateVersion.current,
            instructions: "Code Mode over: \(upstream.map(\.name).joined(separator: ", ")).",
            capabilities: .init(tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: meta) }
        await server.withMethodHandler(CallTool.self) { [sandbox, limits] request in
            let arguments = JSONValue.object((request.arguments ?? [:]).mapValues(JSONValue.init))
            switch request.name {
            case Self.callToolChain:
                guard let code = arguments["code"]?.stringValue else {
                    return Self.result("call_tool_chain needs a string 'code'", isError: true)
                }
                let run = await sandbox.run(code, tools: ToolSessionHandler(session), limits: limits)
                let (content, isError) = CodeModeTools.reply(to: run)
                return Self.result(content, isError: isError)
            case Self.searchTools:
                let found = CodeModeTools.search(arguments["query"]?.stringValue ?? "", in: tools)
                return Self.result(found.jsonText, isError: false, structured: ["tools": found])
            case Self.toolInfo:
                let name = arguments["name"]?.stringValue ?? ""
                guard let info = CodeModeTools.info(name, in: tools) else {
                    return Self.result("no tool named '\(name)'; search_tools lists them", isError: true)
                }
                return Self.result(info.jsonText, isError: false, structured: info)
            default:
                throw MCPError.invalidParams("Unknown tool: \(request.name)")
            }
        }
        return server
    }

    static func result(_ text: String, isError: Bool, structured: JSONValue? = nil) -> CallTool.Result {
        CallTool.Result(
            content: [.text(text: text, annotations: nil, _meta: nil)], structuredContent: structured?.mcpValue,
            isError: isError ? true : nil)
    }
}
