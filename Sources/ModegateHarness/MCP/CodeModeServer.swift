import Foundation
import MCP
import ModegateCore
import ModegateProviders
import ModegateMCP
import ModegateSandbox

/// `modegate serve codemode --gate G`: Code Mode as an MCP server with UTCP-style meta-tools —
/// `search_tools`, `tool_info`, and `call_tool_chain`, which runs a JavaScript program in the
/// built-in sandbox against the gate's upstream tools (the suites its presets use). Each MCP
/// session gets fresh upstream sessions, so stateful suites start clean per session.
public struct CodeModeServer: Sendable {
    public static let searchTools = "search_tools"
    public static let toolInfo = "tool_info"
    public static let callToolChain = "call_tool_chain"

    public let upstream: [any Suite]
    public let params: JSONValue
    public let sandbox: Sandbox
    public let limits: SandboxLimits
    /// The upstream tools; a program calls them as `tools.NAME`.
    let tools: [ToolDescriptor]

    /// Throws `HarnessError.mcpUnavailable` when two suites have a tool of the same name.
    public init(upstream: [any Suite], params: JSONValue, sandbox: Sandbox, limits: SandboxLimits) throws {
        self.upstream = upstream
        self.params = params
        self.sandbox = sandbox
        self.limits = limits
        tools = try Self.upstreamTools(upstream)
    }

    /// The suites a gate's presets use: built-in ones as they are, `{mcp: SERVER}` ones through
    /// `servers` (opened here; the caller closes them).
    public static func upstream(
        of plan: GatePlan, planner: WorkloadPlanner, servers: MCPServerPool
    ) async throws -> [any Suite] {
        let presets = try planner.presets(plan.workload.presets)
        var suites: [any Suite] = []
        var seen = Set<String>()
        for preset in presets {
            switch preset.suite {
            case .builtin(let name):
                guard seen.insert(name).inserted else { continue }
                guard let suite = planner.suites.first(where: { $0.name == name }) else {
                    throw HarnessError.mcpUnavailable("preset '\(preset.name)' uses unknown suite '\(name)'")
                }
                suites.append(suite)
            case .mcp(let name):
                guard seen.insert("mcp:" + name).inserted else { continue }
                suites.append(MCPServerSuite(server: await servers.handle(name)))
            }
        }
        try await servers.open(logFolder: nil)
        return suites
    }

    /// The upstream tools, checked for clashing names.
    static func upstreamTools(_ upstream: [any Suite]) throws -> [ToolDescriptor] {
        var seen: [String: String] = [:]
        var tools: [ToolDescriptor] = []
        for suite in upstream {
            for tool in suite.tools {
                if let other = seen[tool.name] {
                    throw HarnessError.mcpUnavailable(
                        "tool '\(tool.name)' is in both suite '\(other)' and suite '\(suite.name)'; serve one of them")
                }
                seen[tool.name] = suite.name
                tools.append(tool)
            }
        }
        return tools
    }

    public func makeServer() async -> Server {
        let tools = self.tools
        let session = RoutedToolSession(upstream.map { $0.makeSession(params: params) })
        let names = tools.map(\.name).joined(separator: ", ")
        let meta = [
            Tool(
                name: Self.callToolChain,
                description: """
                    Run a JavaScript program (the body of an async function: top-level await and return work) \
                    that calls the tools as `await tools.NAME({...})`; independent calls run together with \
                    Promise.all. Returns {result, logs} or a typed error. Tools: \(names).
                    """,
                inputSchema: ["type": "object", "required": ["code"], "additionalProperties": false,
                              "properties": ["code": ["type": "string", "description": "The program."]]]),
            Tool(name: Self.searchTools, description: "Find tools by a word in their name or description.",
                 inputSchema: ["type": "object", "properties": ["query": ["type": "string"]]]),
            Tool(name: Self.toolInfo, description: "The description and input schema of one tool.",
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
                let (content, isError) = CodeModeStrategy.content(of: run)
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

/// Several suites' sessions as one: each call goes to the session that has the tool.
struct RoutedToolSession: ToolSession {
    let sessions: [any ToolSession]
    let tools: [ToolDescriptor]
    private let routes: [String: Int]

    init(_ sessions: [any ToolSession]) {
        self.sessions = sessions
        var routes: [String: Int] = [:]
        for (index, session) in sessions.enumerated() { for tool in session.tools where routes[tool.name] == nil { routes[tool.name] = index } }
        self.routes = routes
        tools = sessions.flatMap(\.tools)
    }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        guard let index = routes[name] else { return .failure("unknown tool '\(name)'") }
        return await sessions[index].call(name, arguments: arguments)
    }

    func finalState() async -> JSONValue? { nil }
}
