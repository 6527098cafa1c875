import ModegateCore
import ModegateMCP

/// Makes a run's pool of MCP servers: the seam where a test counts or replaces the servers.
protocol ServerPoolFactory: Sendable {
    /// A pool for the gate's `mcp:`, its stdio servers inheriting `variables`.
    func pool(_ plan: MCPPlan, variables: [String: String]) -> MCPServerPool
}

/// Real servers: processes started for stdio, URLs reached for HTTP.
struct ProcessServerPools: ServerPoolFactory {
    func pool(_ plan: MCPPlan, variables: [String: String]) -> MCPServerPool {
        MCPServerPool(plan: plan, environment: variables)
    }
}
