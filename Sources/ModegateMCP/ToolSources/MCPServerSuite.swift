import Foundation
import ModegateCore

/// A preset's `suite: {mcp: SERVER}`: the tools a gate's MCP server lists, called on that server
/// by both arms. Such a suite has no oracle, so its cases state their expected answers.
public struct MCPServerSuite: Suite {
    let server: MCPServerHandle

    /// The suite of the server `server` holds.
    public init(server: MCPServerHandle) { self.server = server }

    public var name: String { server.name }
    public var summary: String { "the tools of MCP server '\(server.name)'" }
    public var tools: [ToolDescriptor] { server.tools }
    public var overMCP: Bool { true }

    public func makeSession(params: JSONValue) -> any ToolSession {
        let trial = SharedServerTrial(server: server)
        return MCPToolSession(tools: server.tools, restarts: { await trial.restarts }) { await trial.connection() }
    }
}
