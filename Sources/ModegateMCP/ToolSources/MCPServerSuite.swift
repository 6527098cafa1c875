import Foundation
import ModegateCore

/// A preset's `suite: {mcp: SERVER}`: the tools a gate's MCP server lists, called on that server
/// by both arms. Such a suite has no oracle, so its cases state their expected answers.
public struct MCPServerSuite: Suite {
    let server: MCPServerHandle

    /// The suite of the server `server` holds.
    public init(server: MCPServerHandle) { self.server = server }

    /// The server's name, as the preset's `suite: {mcp: SERVER}` gives it.
    public var name: String { server.name }
    /// One line for listings.
    public var summary: String { "the tools of MCP server '\(server.name)'" }
    /// The tools the server listed at its first start.
    public var tools: [ToolDescriptor] { server.tools }
    /// Always: every call crosses an MCP transport.
    public var overMCP: Bool { true }

    /// A trial's session on the shared server: the connection leased at the first call, kept to
    /// the trial's end. `params` are ignored; the server's state is its own.
    public func makeSession(params: JSONValue) -> any ToolSession {
        let trial = SharedServerTrial(server: server)
        return MCPToolSession(tools: server.tools, restarts: { await trial.restarts }) { await trial.connection() }
    }
}
