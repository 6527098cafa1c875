import Foundation
import MCP
import ModegateCore

/// A built-in suite as an MCP server (`modegate serve SUITE`): its tools in `tools/list`, calls
/// answered by a fresh suite session per MCP session, and that session's state (for stateful
/// suites) as the resource `modegate://state`, which is how the gate scores state over MCP.
public struct SuiteServer: Sendable {
    /// Where a served suite publishes its state after the calls so far.
    public static let stateURI = "modegate://state"

    /// The suite served.
    public let suite: any Suite
    /// What every session's data is generated from (`--params`).
    public let params: JSONValue

    /// A server of `suite`, its data generated from `params`.
    public init(suite: any Suite, params: JSONValue) {
        self.suite = suite
        self.params = params
    }

    /// A server for one MCP session (stdio: the process; HTTP: one `Mcp-Session-Id`).
    public func makeServer() async -> Server {
        let session = suite.makeSession(params: params)
        let tools = suite.tools.map {
            Tool(name: $0.name, description: $0.description, inputSchema: $0.inputSchema.mcpValue, outputSchema: $0.outputSchema?.mcpValue)
        }
        let names = Set(tools.map(\.name))
        let server = Server(
            name: "modegate-\(suite.name)", version: ModegateVersion.current,
            instructions: suite.summary,
            capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
        await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: tools) }
        await server.withMethodHandler(CallTool.self) { request in
            guard names.contains(request.name) else {
                throw MCPError.invalidParams("Unknown tool: \(request.name)")
            }
            let arguments = JSONValue.object((request.arguments ?? [:]).mapValues(JSONValue.init))
            return Self.result(await session.call(request.name, arguments: arguments))
        }
        await server.withMethodHandler(ListResources.self) { _ in
            ListResources.Result(resources: [
                Resource(name: "state", uri: Self.stateURI, description: "The suite's state after the calls so far (JSON).",
                         mimeType: "application/json"),
            ])
        }
        await server.withMethodHandler(ReadResource.self) { request in
            guard request.uri == Self.stateURI else { throw MCPError.invalidParams("Unknown resource: \(request.uri)") }
            let state = await session.finalState() ?? .null
            return ReadResource.Result(contents: [.text(state.jsonText, uri: Self.stateURI, mimeType: "application/json")])
        }
        return server
    }

    /// A reply in MCP's shape: text always, structured content when the value is an object (the
    /// only kind MCP allows there), `isError` for failures.
    static func result(_ reply: ToolReply) -> CallTool.Result {
        let content: [Tool.Content] = [.text(text: reply.text, annotations: nil, _meta: nil)]
        if reply.isError { return CallTool.Result(content: content, isError: true) }
        if case .object? = reply.structuredContent {
            return CallTool.Result(content: content, structuredContent: reply.structuredContent?.mcpValue)
        }
        return CallTool.Result(content: content)
    }
}
