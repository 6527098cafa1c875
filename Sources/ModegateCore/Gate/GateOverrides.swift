/// What a command line changes in a gate file's keys for one invocation (`--repetitions`,
/// `bench`'s presets, `sweep`'s whole workloads, RLM Code's `mcp=on`). Every field left nil keeps
/// the gate file's value: `GatePlan.applying(_:)` is the one place that precedence is settled.
/// What only changes how trials are scheduled (`--concurrency`) is not part of the plan the runs
/// record: the harness's `GateInvocation` resolves it.
public struct GateOverrides: Sendable, Equatable {
    /// `workload.presets`.
    public var presets: [String]?
    /// `workload.repetitions`.
    public var repetitions: Int?
    /// `workload.limit` (0 = every case).
    public var limit: Int?
    /// False turns `judgement.sequential` off (a sweep plays every shape whole); nil keeps it.
    public var sequential: Bool?
    /// `tools.transport: mcp_stdio`: the built-in suites' tools are served over MCP.
    public var toolsOverMCP = false
    /// `candidate.runtime: mcp` on this server of `mcp.servers` (which is then enabled).
    public var candidateServer: String?

    /// Nothing overridden.
    public init(
        presets: [String]? = nil, repetitions: Int? = nil, limit: Int? = nil, sequential: Bool? = nil, toolsOverMCP: Bool = false, candidateServer: String? = nil
    ) {
        self.presets = presets
        self.repetitions = repetitions
        self.limit = limit
        self.sequential = sequential
        self.toolsOverMCP = toolsOverMCP
        self.candidateServer = candidateServer
    }
}

extension GatePlan {
    /// This plan with `overrides` applied: a new plan, the loaded one unchanged.
    public func applying(_ overrides: GateOverrides) -> GatePlan {
        var workload = self.workload
        if let presets = overrides.presets { workload.presets = presets }
        if let repetitions = overrides.repetitions { workload.repetitions = repetitions }
        if let limit = overrides.limit { workload.limit = limit }
        var judgement = self.judgement
        if overrides.sequential == false { judgement.sequential = nil }
        var tools = self.tools
        if overrides.toolsOverMCP { tools.transport = .mcpStdio }
        var mcp = self.mcp
        var candidate = self.candidate
        if let server = overrides.candidateServer {
            mcp.enabled = true
            candidate.runtime = .mcp
            candidate.mcpServer = server
        }
        return replacing(workload: workload, mcp: mcp, tools: tools, candidate: candidate, judgement: judgement)
    }

    /// This plan with every model it names (the shared one and each arm's own) answered by
    /// `provider`: a run's manifest names what answered (a replay's `replay`).
    public func answered(by provider: ModelPlan.Provider) -> GatePlan {
        var model = self.model, baseline = self.baseline, candidate = self.candidate
        model.provider = provider
        baseline.model?.provider = provider
        candidate.model?.provider = provider
        return replacing(model: model, baseline: baseline, candidate: candidate)
    }

    /// A copy with the given parts in place of this plan's.
    private func replacing(
        workload: WorkloadPlan? = nil, model: ModelPlan? = nil, mcp: MCPPlan? = nil, tools: ToolsPlan? = nil,
        baseline: ArmPlan? = nil, candidate: ArmPlan? = nil, judgement: JudgementSettings? = nil
    ) -> GatePlan {
        GatePlan(
            version: version, name: name, description: description, sourcePath: sourcePath, sourceSHA256: sourceSHA256,
            workload: workload ?? self.workload, model: model ?? self.model, mcp: mcp ?? self.mcp, tools: tools ?? self.tools,
            baseline: baseline ?? self.baseline, candidate: candidate ?? self.candidate, thresholds: thresholds,
            judgement: judgement ?? self.judgement, budget: budget, reports: reports)
    }
}
