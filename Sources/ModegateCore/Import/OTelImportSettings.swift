/// How `modegate import otel` reads traces into a run: the arm, the names its records take, and
/// which span attributes carry what OpenTelemetry has no convention for (the case, the
/// repetition, the reward). Every default lives here, and docs/import.md lists them.
public struct OTelImportSettings: Sendable, Hashable {
    /// Attribute names, looked up on the `invoke_agent` span, then on its ancestors (nearest
    /// first), then on the resource.
    public struct Attributes: Sendable, Hashable {
        /// The case id (a string, or an integer taken as its text). Required on every trial.
        public var caseID = "modegate.case.id"
        /// The 0-based repetition; trials without one are numbered per case in start order.
        public var repetition = "modegate.repetition"
        /// The reward in [0, 1], unless the scores file gives it.
        public var reward = "modegate.reward"
        /// Whether the trial completed (a boolean, or `true`/`false`/1/0), unless the scores file
        /// gives it; without either, a trial completes when its `invoke_agent` span did not fail.
        public var completed = "modegate.completed"
        /// The MCP server's name on a tool call's span; without it, `server.address[:server.port]`,
        /// then `mcp` (an MCP call to a server that names nothing).
        public var server = "mcp.server.name"
        /// A `TrialError` category (`provider`, `mcp`, `timeout`, …) for a failed trial.
        public var errorCategory = "modegate.error.category"

        public init() {}
    }

    /// The arm the imported run plays.
    public var arm: ArmRole
    /// The strategy it records: by default `tool_call` for the baseline, `codemode` for the candidate.
    public var strategy: Strategy
    /// The preset its trials are recorded under; both arms must use the same one to pair.
    public var preset = "otel"
    /// The run id without its arm: the run is `STEM-ARM`, so two imports with one stem pair up
    /// as a gate run's arms do (`previous` of `STEM-candidate` is `STEM-baseline`).
    public var stem: String
    public var attributes = Attributes()
    /// Only the invocations whose attribute (looked up as the case id is) has this text, each
    /// pair required: `modegate.arm: candidate` picks one arm out of a `--trace` file that holds both.
    public var only: [String: String] = [:]
    /// In a `codemode` arm, tools whose call is a program: counted as Code Mode programs, their
    /// time as sandbox time, their children as the program's tool calls.
    public var programTools: Set<String> = ["run_code", "execute_code", "call_tool_chain"]
    /// In a `codemode` arm, Code Mode's tool search and tool description tools.
    public var searchTools: Set<String> = ["search_tools", "search_capabilities"]
    public var describeTools: Set<String> = ["tool_info", "get_capability_schemas"]

    /// Settings for `arm`, with its default strategy.
    public init(arm: ArmRole, stem: String, strategy: Strategy? = nil) {
        self.arm = arm
        self.stem = stem
        self.strategy = strategy ?? (arm == .candidate ? .codemode : .toolCall)
    }

    /// The id of the run the import writes.
    public var runID: String { GateRunID.id(stem: stem, role: arm, strategy: strategy) }
}
