import Foundation
import ModegateCore

/// The gate's MCP servers for one run: each opened and listed once before the first trial,
/// shared by every trial of both arms, started again for the next trial when it crashes (see
/// `MCPServerHandle`), and closed when the run ends (Ctrl-C included). A stdio server's stderr
/// goes to the run folder.
public actor MCPServerPool {
    private let plan: MCPPlan
    private let environment: [String: String]
    private var handles: [String: MCPServerHandle] = [:]
    /// Servers the run starts itself (built-in suites served over MCP), beside the gate's.
    private var ownServers: [String: MCPPlan.Server] = [:]
    /// Set when a crashed server cannot be started again: the run stops.
    public nonisolated let halt: RunHalt

    /// A pool for the gate's `mcp:`; stdio servers inherit `environment`, and `headers_env`
    /// values are read from it. Every handle shares `halt`.
    public init(plan: MCPPlan, environment: [String: String], halt: RunHalt = RunHalt()) {
        self.plan = plan
        self.environment = environment
        self.halt = halt
    }

    /// The handle a suite holds for `name`; connected by `open`.
    public func handle(_ name: String) -> MCPServerHandle {
        if let handle = handles[name] { return handle }
        let handle = MCPServerHandle(name: name, halt: halt)
        handles[name] = handle
        return handle
    }

    /// A handle for a server the run starts itself, under a name no gate server can have.
    public func handle(serving suite: String, command: [String]) -> MCPServerHandle {
        let name = "modegate serve \(suite)"
        ownServers[name] = MCPPlan.Server(command: command, timeoutSeconds: 60)
        return handle(name)
    }

    /// Opens every server a handle was asked for. Throws `MCPUnavailableError`.
    public func open(logFolder: URL?) async throws {
        for (name, handle) in handles.sorted(by: { $0.key < $1.key }) where await !handle.isOpen {
            guard let server = ownServers[name] ?? plan.servers[name] else {
                throw MCPUnavailableError("MCP server '\(name)' is not defined in the gate's mcp.servers")
            }
            try await handle.open(.init(server: server, environment: environment, logFolder: logFolder))
        }
    }

    /// Every handle's tool-list drift after restarts, by server name.
    public func toolDrift() -> [String] {
        handles.keys.sorted().flatMap { handles[$0]?.toolDrift ?? [] }
    }

    /// Closes every server (a stdio server's process is stopped), cancelling a restart under way.
    public func closeAll() async {
        for handle in handles.values { await handle.close() }
    }
}
