import ModegateCore
import ModegateMCP

extension WorkloadPlanner {
    /// The suites a gate's presets use: built-in ones as they are, `{mcp: SERVER}` ones through
    /// `servers` (opened here; the caller closes them).
    public func upstreamSuites(of plan: GatePlan, servers: MCPServerPool) async throws -> [any Suite] {
        let presets = try presets(plan.workload.presets)
        var suites: [any Suite] = []
        var seen = Set<String>()
        for preset in presets {
            switch preset.suite {
            case .builtin(let name):
                guard seen.insert(name).inserted else { continue }
                guard let suite = self.suites.first(where: { $0.name == name }) else {
                    throw MCPUnavailableError("preset '\(preset.name)' uses unknown suite '\(name)'")
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
}
