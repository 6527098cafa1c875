import Foundation
import ModegateCore

/// A preset's `suite: {mcp: SERVER}`: the tools a gate's MCP server lists, called on that server
/// by both arms, each arm on a server of its own. Such a suite has no oracle, so its cases state
/// their expected answers.
public struct MCPServerSuite: Suite {
    /// The server each arm calls; `shared` serves an arm that has none of its own.
    let servers: [ArmRole: MCPServerHandle]
    let shared: MCPServerHandle

    /// The suite of the server `server` holds, for every arm.
    public init(server: MCPServerHandle) {
        servers = [:]
        shared = server
    }

    /// The suite of one server with a handle per arm (the pool's `handle(_:arm:)`).
    public init(servers: [ArmRole: MCPServerHandle]) {
        precondition(!servers.isEmpty, "an MCP suite has a server")
        self.servers = servers
        shared = ArmRole.allCases.compactMap { servers[$0] }[0]
    }

    /// The server's name, as the preset's `suite: {mcp: SERVER}` gives it.
    public var name: String { shared.name }
    /// One line for listings.
    public var summary: String { "the tools of MCP server '\(shared.name)'" }
    /// The tools the first arm's server listed at its first start; every arm is offered them.
    public var tools: [ToolDescriptor] { shared.tools }
    /// Always: every call crosses an MCP transport.
    public var overMCP: Bool { true }
    /// The server's key in the gate's `mcp.servers`.
    public var mcpServerName: String? { shared.name }

    /// A trial's session on the first arm's server.
    public func makeSession(params: JSONValue) -> any ToolSession { session(on: shared, trial: nil) }

    /// A trial's session on the arm's own server: the connection leased at the first call, kept
    /// to the trial's end. `params` are ignored; the server's state is its own.
    public func makeSession(params: JSONValue, arm: ArmRole) -> any ToolSession { session(on: servers[arm] ?? shared, trial: nil) }

    /// The same, with every call naming the trial in its `_meta` (`modegate.dev/trial`): the
    /// trials an arm runs at once share its server, and a server that keeps state by that key
    /// gives each its own.
    public func makeSession(params: JSONValue, arm: ArmRole, trial: String) -> any ToolSession {
        session(on: servers[arm] ?? shared, trial: trial)
    }

    private func session(on server: MCPServerHandle, trial key: String?) -> any ToolSession {
        let trial = SharedServerTrial(server: server)
        var session = MCPToolSession(tools: shared.tools, restarts: { await trial.restarts }) { await trial.connection() }
        session.trial = key
        return session
    }
}
