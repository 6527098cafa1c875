import ModegateCore
import ModegateMCP

extension RunEnvironment {
    /// The planner with the suites that cross MCP: the gate's servers for `suite: {mcp: SERVER}`
    /// presets, and with `tools.transport: mcp_stdio` every built-in suite served by
    /// `modegate serve`. Only servers the presets use get a handle (and are started): one per arm
    /// in `arms`, so each arm plays on servers of its own (one shared handle when `arms` is empty).
    func planner(
        over servers: MCPServerPool, for presets: [Preset], mcp: MCPPlan, transport: ToolsPlan.Transport, arms: [ArmRole] = []
    ) async -> WorkloadPlanner {
        var planner = self.planner
        var builtinNames = Set<String>()
        for preset in presets {
            switch preset.suite {
            case .mcp(let name) where mcp.enabled && mcp.servers[name] != nil:
                guard !arms.isEmpty else {
                    planner.mcpSuites[name] = MCPServerSuite(server: await servers.handle(name))
                    continue
                }
                var handles: [ArmRole: MCPServerHandle] = [:]
                for arm in arms { handles[arm] = await servers.handle(name, arm: arm) }
                planner.mcpSuites[name] = MCPServerSuite(servers: handles)
            case .mcp: break
            case .builtin(let name): builtinNames.insert(name)
            }
        }
        if transport == .mcpStdio {
            var served: [any Suite] = []
            for suite in planner.suites {
                guard builtinNames.contains(suite.name) else {
                    served.append(suite)
                    continue
                }
                let probe = await servers.handle(
                    serving: suite.name, command: ServedSuite.command(sandbox.executable, suite: suite.name, params: [:]))
                served.append(ServedSuite(
                    inner: suite, executable: sandbox.executable, environment: variables, listed: probe, logs: servers))
            }
            planner.suites = served
        }
        return planner
    }
}
