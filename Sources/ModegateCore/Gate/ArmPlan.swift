/// How one arm uses tools (`baseline:` / `candidate:`).
public struct ArmPlan: Sendable, Codable, Equatable {
    /// Where a Code Mode arm's programs run (`runtime:`); a `tool_call` arm ignores it.
    public enum Runtime: String, Sendable, Codable, CaseIterable {
        /// The embedded JavaScript sandbox.
        case builtin
        /// An external Code Mode server named by `mcpServer`.
        case mcp
    }

    /// Sandbox limits of one Code Mode program.
    public struct Limits: Sendable, Codable, Equatable {
        /// Seconds one program may run, as CPU time in the engine and as wall-clock time.
        public var timeoutSeconds: Int
        /// Megabytes of address space a program may add to the warmed-up engine.
        public var memoryMB: Int
        /// Tool calls one program may make; one more is a guardrail block.
        public var maxToolCalls: Int
        /// Characters a program may have; a longer one is refused before it runs.
        public var maxCodeChars: Int
        /// Bytes of the JSON a program may return; a larger result goes back to the model as an error.
        public var maxOutputBytes: Int
        /// Calls to these tools are refused and counted as guardrail blocked.
        public var deniedTools: [String]

        /// Limits as given; the gate schema holds the defaults.
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
        /// The tool that runs a program (known: `call_tool_chain`, `execute_code`, `run_code`).
        public var execute: String?
        /// The tool that searches the server's tools (known: `search_tools`, `search_capabilities`).
        public var search: String?
        /// The tool that describes tools (known: `tool_info`, `get_capability_schemas`).
        public var describe: String?

        /// Roles as given; a nil role is looked up among the known names.
        public init(execute: String? = nil, search: String? = nil, describe: String? = nil) {
            self.execute = execute
            self.search = search
            self.describe = describe
        }
    }

    /// How the arm uses tools: `tool_call` or `codemode`.
    public var strategy: Strategy
    /// Where Code Mode programs run: the built-in sandbox or an external server.
    public var runtime: Runtime
    /// A key of `MCPPlan.servers`; always set when `runtime` is `.mcp`.
    public var mcpServer: String?
    /// The external server's tool names by role (`mcp_roles`), used with `runtime: mcp`.
    public var mcpRoles = Roles()
    /// Offer the discovery tools (`search_tools`/`tool_info`, or the external server's search and
    /// describe roles) beside the one that runs code; Code Mode only.
    public var discovery: Bool
    /// Model requests a trial may make; one that has no final answer by then ends as a `model`
    /// error.
    public var maxSteps: Int
    /// The sandbox's limits on each program (the built-in runtime only).
    public var limits: Limits
    /// How `run_code` presents the tools to a code-mode model (`tool_api`).
    public var toolAPI: ToolAPI
    /// The baseline only: a stored run to judge instead of playing the arm (`baseline.reuse`).
    public var reuse: String?
    /// Gate MCP servers (keys of `mcp.servers`) whose tools this arm is offered besides its
    /// presets' suite (`mcp_servers`): the A/B of an added server. Empty: the presets' tools alone.
    public var mcpServers: [String] = []
    /// The arm's own instructions, added to the system prompt after the core both arms share:
    /// the text of `instructions`, or of the file `instructions_file` names (read when the gate
    /// loads, so the plan, the manifest and the provenance hold the text the model saw).
    public var instructions: String?
    /// `instructions_file` as written (relative to the gate file), for messages; nil for inline text.
    public var instructionsFile: String?
    /// The arm's own model (`model:` inside the arm): the shared `model` with the keys the arm
    /// sets replaced, resolved when the gate loads; nil when the arm uses the shared model.
    public var model: ModelPlan?

    /// An arm as given; `mcpRoles` starts empty, so the known names apply.
    public init(
        strategy: Strategy, runtime: Runtime, mcpServer: String? = nil, discovery: Bool, maxSteps: Int,
        limits: Limits, toolAPI: ToolAPI = .typescript
    ) {
        self.toolAPI = toolAPI
        self.strategy = strategy
        self.runtime = runtime
        self.mcpServer = mcpServer
        self.discovery = discovery
        self.maxSteps = maxSteps
        self.limits = limits
    }

    enum CodingKeys: String, CodingKey {
        case strategy, runtime, discovery, limits, reuse
        case mcpServer = "mcp_server"
        case mcpRoles = "mcp_roles"
        case maxSteps = "max_steps"
        case toolAPI = "tool_api"
        case instructions
        case instructionsFile = "instructions_file"
        case mcpServers = "mcp_servers"
        case model
    }
}
