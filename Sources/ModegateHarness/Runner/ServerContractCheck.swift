import Foundation
import ModegateCore
import ModegateMCP

/// `check`'s look at the gate's MCP servers, when they can be reached: each server that a preset
/// plays on or an arm runs its programs on is started, listed, stopped, and started and listed
/// again, so a tool list that changes across restarts shows before a run pays for trials. The
/// tools a preset offers go through `ToolContract` for both arms; an external Code Mode server
/// must list the tools its roles name. A server that cannot be started is a warning, not an
/// error: `check` also runs where the servers are not (a laptop without the CI's secrets).
public struct ServerContractCheck: Sendable {
    /// What one server answered.
    public struct Finding: Sendable, Equatable {
        /// The server's key in `mcp.servers`.
        public var server: String
        /// Tools listed at the first start; nil when it could not be started.
        public var tools: Int?
        /// Warnings naming the server and, where one is at fault, the tool.
        public var warnings: [String]
    }

    private let plan: GatePlan
    private let presets: [Preset]
    private let environment: [String: String]

    /// The check of the servers that `presets` (as the gate resolves them) and `plan`'s arms use;
    /// stdio servers inherit `environment`, and `headers_env` values are read from it.
    public init(plan: GatePlan, presets: [Preset], environment: [String: String]) {
        self.plan = plan
        self.presets = presets
        self.environment = environment
    }

    /// The servers the check starts, in name order: none when `mcp.enabled` is false.
    public var servers: [String] {
        guard plan.mcp.enabled else { return [] }
        var names = Set<String>()
        for preset in presets {
            if case .mcp(let server) = preset.suite { names.insert(server) }
        }
        for arm in [plan.baseline, plan.candidate] where arm.runtime == .mcp {
            if let server = arm.mcpServer { names.insert(server) }
        }
        return names.filter { plan.mcp.servers[$0] != nil }.sorted()
    }

    /// Starts each server twice in turn (never two at once, so a server that binds a port can be
    /// checked); stops every process it started, Ctrl-C included.
    public func run() async -> [Finding] {
        var findings: [Finding] = []
        for name in servers {
            guard let server = plan.mcp.servers[name] else { continue }
            findings.append(await check(name, server))
        }
        return findings
    }

    private func check(_ name: String, _ server: MCPPlan.Server) async -> Finding {
        // A stdio server's stderr goes to a scratch folder, kept when the server failed (the
        // warning names its log and quotes its last lines).
        let logs = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-check-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
        var failed = false
        defer { if !failed { try? FileManager.default.removeItem(at: logs) } }
        let first: [ToolDescriptor]
        do {
            first = try await list(name, server, logs: logs)
        } catch {
            failed = true
            return Finding(
                server: name, tools: nil,
                warnings: ["MCP server '\(name)' could not be reached, so its tools were not checked: \(error)\(stderrTail(name, logs))"])
        }
        var warnings: [String] = []
        do {
            let second = try await list(name, server, logs: logs)
            if let drift = ToolListDrift.describe(before: first, after: second) {
                warnings.append("MCP server '\(name)' listed other tools when started again (\(drift)); trials after a restart would be offered tools it no longer answers as listed")
            }
        } catch {
            failed = true
            warnings.append("MCP server '\(name)' answered once but could not be started a second time: \(error)\(stderrTail(name, logs)); a restart during a run would stop it (exit 4)")
        }
        if presets.contains(where: { $0.suite == .mcp(name) }) {
            let offered = Set(ToolContract.warnings(tools: first, strategy: plan.baseline.strategy)
                + ToolContract.warnings(tools: first, strategy: plan.candidate.strategy))
            warnings += offered.sorted().map { "MCP server '\(name)': \($0)" }
        }
        for (role, arm) in [(ArmRole.baseline, plan.baseline), (.candidate, plan.candidate)]
        where arm.runtime == .mcp && arm.mcpServer == name {
            do {
                _ = try CodeModeRoles.resolve(server: name, tools: first, given: arm.mcpRoles)
            } catch {
                warnings.append("the \(role) arm runs its programs on MCP server '\(name)': \(error)")
            }
        }
        return Finding(server: name, tools: first.count, warnings: warnings)
    }

    private func list(_ name: String, _ server: MCPPlan.Server, logs: URL) async throws -> [ToolDescriptor] {
        let connection = try await MCPConnection.open(name: name, server: server, environment: environment, logFolder: logs)
        do {
            let tools = try await connection.listTools()
            await connection.close()
            return tools
        } catch {
            await connection.close()
            throw error
        }
    }

    /// "; its stderr ends: …" with the server's last three lines, or nothing when it wrote none.
    private func stderrTail(_ name: String, _ logs: URL) -> String {
        guard let path = MCPConnection.stderrPath(name: name, logFolder: logs),
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return "" }
        let lines = text.split(whereSeparator: \.isNewline).suffix(3)
        return lines.isEmpty ? "" : "; its stderr ends: \(lines.joined(separator: " | "))"
    }
}
