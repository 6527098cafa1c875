import ModegateCore
import ModegateSandbox

/// One arm as the harness plays it: its role and everything that sets it apart from the other
/// arm. Today arms differ by strategy and its settings; a gate that declares more per arm (a
/// model, a system prompt, servers) adds the field here and the runner reads it from the arm.
public struct ArmSettings: Sendable {
    /// An arm whose Code Mode runs on an external MCP server (`runtime: mcp`).
    public struct ExternalRuntime: Sendable, Equatable {
        /// The key of the server in `mcp.servers`.
        public var server: String
        /// The server's tool names by role, as the gate gives them.
        public var roles: ArmPlan.Roles

        /// The server and its role names.
        public init(server: String, roles: ArmPlan.Roles) {
            self.server = server
            self.roles = roles
        }
    }

    /// The part the arm plays: baseline, candidate, or a bench arm alone.
    public var role: ArmRole
    /// How the arm uses tools.
    public var strategy: Strategy
    /// Model requests a trial may take.
    public var maxSteps: Int
    /// Code Mode offers `search_tools` and `tool_info`.
    public var discovery: Bool
    /// Limits of one Code Mode program.
    public var limits: SandboxLimits
    /// How `run_code` presents the tools.
    public var toolAPI: ToolAPI = .typescript
    /// Added to the system prompt after the shared core (the gate's `instructions`).
    public var instructions: String?
    /// Gate MCP servers whose tools the arm is offered besides its cases' suite (`mcp_servers`).
    public var addedServers: [String] = []
    /// With `runtime: mcp`: the external Code Mode server.
    public var externalRuntime: ExternalRuntime?

    /// An arm with all its settings.
    public init(role: ArmRole, strategy: Strategy, maxSteps: Int, discovery: Bool, limits: SandboxLimits,
                externalRuntime: ExternalRuntime? = nil) {
        self.role = role
        self.strategy = strategy
        self.maxSteps = maxSteps
        self.discovery = discovery
        self.limits = limits
        self.externalRuntime = externalRuntime
    }

    /// An arm of the gate file (`baseline:` or `candidate:`) in the given role.
    public init(_ arm: ArmPlan, role: ArmRole) {
        let external = arm.strategy == .codemode && arm.runtime == .mcp
            ? arm.mcpServer.map { ExternalRuntime(server: $0, roles: arm.mcpRoles) } : nil
        self.init(role: role, strategy: arm.strategy, maxSteps: arm.maxSteps, discovery: arm.discovery,
                  limits: SandboxLimits(arm: arm.limits), externalRuntime: external)
        toolAPI = arm.toolAPI
        instructions = arm.instructions
        addedServers = arm.mcpServers
    }

    /// Runs Code Mode programs in the built-in sandbox.
    var runsBuiltinPrograms: Bool { strategy == .codemode && externalRuntime == nil }
}

extension SandboxLimits {
    /// An arm's `limits:` as the sandbox applies them to one program.
    public init(arm limits: ArmPlan.Limits) {
        self.init(
            cpuSeconds: Double(limits.timeoutSeconds), wallSeconds: Double(limits.timeoutSeconds),
            memoryMB: limits.memoryMB, maxToolCalls: limits.maxToolCalls, maxCodeChars: limits.maxCodeChars,
            maxOutputBytes: limits.maxOutputBytes, deniedTools: limits.deniedTools)
    }
}
