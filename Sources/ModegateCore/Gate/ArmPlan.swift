/// How one arm uses tools (`baseline:` / `candidate:`).
public struct ArmPlan: Sendable, Codable, Equatable {
    public enum Runtime: String, Sendable, Codable, CaseIterable {
        /// The embedded JavaScript sandbox.
        case builtin
        /// An external Code Mode server named by `mcpServer`.
        case mcp
    }

    /// Sandbox limits of one Code Mode program.
    public struct Limits: Sendable, Codable, Equatable {
        public var timeoutSeconds: Int
        public var memoryMB: Int
        public var maxToolCalls: Int
        public var maxCodeChars: Int
        public var maxOutputBytes: Int
        /// Calls to these tools are refused and counted as guardrail blocked.
        public var deniedTools: [String]

        public init(
            timeoutSeconds: Int, memoryMB: Int, maxToolCalls: Int, maxCodeChars: Int, maxOutputBytes: Int,
            deniedTools: [String] = []
        ) {
            self.timeoutSeconds = timeoutSeconds
            self.memoryMB = memoryMB
            self.maxToolCalls = maxToolCalls
            self.maxCodeChars = maxCodeChars
            self.maxOutputBytes = maxOutputBytes
            self.deniedTools = deniedTools
        }

        enum CodingKeys: String, CodingKey {
            case timeoutSeconds = "timeout_seconds"
            case memoryMB = "memory_mb"
            case maxToolCalls = "max_tool_calls"
            case maxCodeChars = "max_code_chars"
            case maxOutputBytes = "max_output_bytes"
            case deniedTools = "denied_tools"
        }
    }

    /// An external Code Mode server's tool names by role; nil roles use the known names.
    public struct Roles: Sendable, Codable, Equatable {
        public var execute: String?
        public var search: String?
        public var describe: String?

        public init(execute: String? = nil, search: String? = nil, describe: String? = nil) {
            self.execute = execute
            self.search = search
            self.describe = describe
        }
    }

    public var strategy: Strategy
    public var runtime: Runtime
    /// A key of `MCPPlan.servers`; always set when `runtime` is `.mcp`.
    public var mcpServer: String?
    public var mcpRoles = Roles()
    public var discovery: Bool
    public var maxSteps: Int
    public var limits: Limits

    public init(
        strategy: Strategy, runtime: Runtime, mcpServer: String? = nil, discovery: Bool, maxSteps: Int,
        limits: Limits
    ) {
        self.strategy = strategy
        self.runtime = runtime
        self.mcpServer = mcpServer
        self.discovery = discovery
        self.maxSteps = maxSteps
        self.limits = limits
    }

    enum CodingKeys: String, CodingKey {
        case strategy, runtime, discovery, limits
        case mcpServer = "mcp_server"
        case mcpRoles = "mcp_roles"
        case maxSteps = "max_steps"
    }
}
