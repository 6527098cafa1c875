import Foundation
import ModegateCore
import ModegateMCP

/// The gate's MCP servers for one run: each opened and listed once before the first trial,
/// shared by every trial of both arms, and closed when the run ends (Ctrl-C included). A stdio
/// server's stderr goes to the run folder.
public actor MCPServerPool {
    private let plan: MCPPlan
    private let environment: [String: String]
    private var handles: [String: MCPServerHandle] = [:]
    /// Servers the run starts itself (built-in suites served over MCP), beside the gate's.
    private var ownServers: [String: MCPPlan.Server] = [:]

    public init(plan: MCPPlan, environment: [String: String]) {
        self.plan = plan
        self.environment = environment
    }

    /// The handle a suite holds for `name`; connected by `open`.
    public func handle(_ name: String) -> MCPServerHandle {
        if let handle = handles[name] { return handle }
        let handle = MCPServerHandle(name: name)
        handles[name] = handle
        return handle
    }

    /// A handle for a server the run starts itself, under a name no gate server can have.
    public func handle(serving suite: String, command: [String]) -> MCPServerHandle {
        let name = "modegate serve \(suite)"
        ownServers[name] = MCPPlan.Server(command: command, timeoutSeconds: 60)
        return handle(name)
    }

    /// Opens every server a handle was asked for. Throws `HarnessError.mcpUnavailable`.
    public func open(logFolder: URL?) async throws {
        for (name, handle) in handles.sorted(by: { $0.key < $1.key }) where handle.connection == nil {
            guard let server = ownServers[name] ?? plan.servers[name] else {
                throw HarnessError.mcpUnavailable("MCP server '\(name)' is not defined in the gate's mcp.servers")
            }
            do {
                let connection = try await MCPConnection.open(
                    name: name, server: server, environment: environment, logFolder: logFolder)
                let tools = try await connection.listTools()
                handle.connect(connection, tools: tools)
            } catch {
                throw HarnessError.mcpUnavailable("\(error)")
            }
        }
    }

    public func closeAll() async {
        for handle in handles.values { await handle.connection?.close() }
    }
}

/// One server as suites and sessions see it: its connection and tools once opened.
public final class MCPServerHandle: @unchecked Sendable {
    public let name: String
    private let lock = NSLock()
    private var connected: (connection: MCPConnection, tools: [ToolDescriptor])?

    init(name: String) { self.name = name }

    func connect(_ connection: MCPConnection, tools: [ToolDescriptor]) {
        lock.withLock { connected = (connection, tools) }
    }

    public var connection: MCPConnection? { lock.withLock { connected?.connection } }
    public var tools: [ToolDescriptor] { lock.withLock { connected?.tools ?? [] } }
}
