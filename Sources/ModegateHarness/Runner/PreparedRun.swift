import Foundation
import ModegateCodeMode
import ModegateCore
import ModegateMCP
import ModegateProviders
import ModegateSandbox

/// Stage 2 of a run: everything the trials need, set up before the first one — the workload's
/// cases, each arm's model selection (one for arms that share a model), the sandbox checked,
/// and the MCP servers the cases and arms use (named here, started by `open`).
struct PreparedRun: Sendable {
    let plan: RunPlan
    let cases: [WorkloadCase]
    /// The model of each arm the run plays.
    let models: [ArmRole: ModelSelection]
    /// Each distinct selection once (arms that share a model share one).
    let selections: [ModelSelection]
    let servers: MCPServerPool
    /// Arms whose Code Mode runs on an external server: its handle and the gate's role names.
    let externalServers: [ArmRole: (handle: MCPServerHandle, roles: ArmPlan.Roles)]
    /// Per arm, the servers its `mcp_servers` adds to its cases' tools.
    var addedServers: [ArmRole: [MCPServerHandle]] = [:]

    /// Throws `DiagnosticsError` for presets that cannot be played (exit 3), `HarnessError`
    /// when the model, a replay's recording, an arm's server or the sandbox is not there (exit 4).
    static func prepare(_ plan: RunPlan, environment: RunEnvironment) async throws -> PreparedRun {
        let servers = environment.servers.pool(plan.gate.mcp, variables: environment.variables)
        let cases = try await environment
            .planner(over: servers, for: plan.presets, mcp: plan.gate.mcp, transport: plan.transport, arms: plan.arms.map(\.role))
            .cases(of: plan.presets, limit: plan.gate.workload.limit, shard: plan.shard)
        let cassette: [URL]?
        switch plan.model {
        case .gate: cassette = nil
        case .replay(let files): cassette = files
        case .scripted: cassette = nil
        }
        var chosen: [(plan: ModelPlan, selection: ModelSelection, arms: [ArmSettings])] = []
        var models: [ArmRole: ModelSelection] = [:]
        for arm in plan.arms {
            let wanted = plan.gate.model(for: arm.role)
            // Arms that share a model share its selection (a replay's cassette is read once).
            if let same = chosen.firstIndex(where: { $0.plan == wanted || plan.model.isScripted }) {
                models[arm.role] = chosen[same].selection
                chosen[same].arms.append(arm)
                continue
            }
            let selection = plan.model.isScripted
                ? environment.models.scripted(candidateLimits: plan.gate.candidate.limits, sandbox: environment.sandbox)
                : try environment.models.model(
                    wanted, cassette: cassette, candidateLimits: plan.gate.candidate.limits, sandbox: environment.sandbox,
                    variables: environment.variables)
            chosen.append((wanted, selection, [arm]))
            models[arm.role] = selection
        }
        // A sequential run stops once decided, so its recording holds only the cases it needed;
        // a replay stops at the same look, and a request past the recording is a replay miss.
        if plan.batching?.seededOrder == nil {
            for choice in chosen {
                guard let coverage = choice.selection.coverage else { continue }
                try checkRecordings(coverage, plan: plan, arms: choice.arms, cases: cases)
            }
        }
        try await checkSandbox(plan: plan, models: chosen.map(\.selection), sandbox: environment.sandbox)
        var external: [ArmRole: (MCPServerHandle, ArmPlan.Roles)] = [:]
        for arm in plan.arms {
            guard let runtime = arm.externalRuntime else { continue }
            guard plan.gate.mcp.enabled, plan.gate.mcp.servers[runtime.server] != nil else {
                throw HarnessError.armServerMissing(role: arm.role, server: runtime.server)
            }
            external[arm.role] = (await servers.handle(runtime.server, arm: arm.role), runtime.roles)
        }
        var added: [ArmRole: [MCPServerHandle]] = [:]
        for arm in plan.arms where !arm.addedServers.isEmpty {
            for name in arm.addedServers {
                guard plan.gate.mcp.enabled, plan.gate.mcp.servers[name] != nil else {
                    throw HarnessError.addedServerMissing(role: arm.role, server: name)
                }
                added[arm.role, default: []].append(await servers.handle(name, arm: arm.role))
            }
        }
        var prepared = PreparedRun(
            plan: plan, cases: cases, models: models, selections: chosen.map(\.selection), servers: servers, externalServers: external)
        prepared.addedServers = added
        return prepared
    }

    /// Starts the servers (an arm's stdio server logs its stderr to `logFolders[arm]`, others to
    /// `logFolder`) and the external Code Mode strategies, whose role names need the servers'
    /// tool lists.
    func open(logFolder: URL?, logFolders: [ArmRole: URL] = [:]) async throws -> [ArmRole: ExternalCodeModeStrategy] {
        try await servers.open(logFolder: logFolder, logFolders: logFolders, firstArm: plan.arms.first?.role)
        for workload in cases {
            guard let listed = workload.testCase.tools else { continue }
            let known = Set(workload.suite.tools.map(\.name))
            let missing = listed.filter { !known.contains($0) }
            if !missing.isEmpty {
                throw HarnessError.caseToolsMissing(
                    preset: workload.preset, caseID: workload.testCase.id, suite: workload.suite.name, tools: missing)
            }
        }
        var strategies: [ArmRole: ExternalCodeModeStrategy] = [:]
        for arm in plan.arms {
            guard let (handle, given) = externalServers[arm.role] else { continue }
            let roles = try CodeModeRoles.resolve(server: handle.name, tools: handle.tools, given: given)
            strategies[arm.role] = ExternalCodeModeStrategy(server: handle, roles: roles, discovery: arm.discovery)
        }
        return strategies
    }

    /// Each arm's added servers as tool sources, for the trials (their tools are read when a
    /// trial's session is made, so after `open`).
    var addedSources: [ArmRole: [MCPServerSuite]] {
        addedServers.mapValues { $0.map { MCPServerSuite(server: $0) } }
    }

    /// Per arm, for its summary: how a built-in Code Mode arm is shown its tools (the distinct
    /// tools of the run's cases — MCP suites' as their servers listed them, so after `open` — as
    /// its `tool_api` writes them), and the pre-flight warnings about the tools it is offered.
    func notes() -> [ArmRole: ArmNotes] {
        var seen = Set<String>()
        var caseTools: [ToolDescriptor] = []
        for workload in cases {
            // The harness's own setup and checker tools are not the arms', nor tools no case offers.
            for tool in workload.suite.tools where workload.offers(tool.name) && seen.insert(tool.name).inserted {
                caseTools.append(tool)
            }
        }
        var notes: [ArmRole: ArmNotes] = [:]
        for arm in plan.arms {
            var note = ArmNotes()
            // The arm's added servers' tools follow the cases' own, as its trials offer them.
            let added = (addedServers[arm.role] ?? []).map { (server: $0.name, tools: $0.tools) }
            var names = seen
            let tools = caseTools + added.flatMap(\.tools).filter { names.insert($0.name).inserted }
            // An external Code Mode server offers its own tools, not the suite's.
            if arm.externalRuntime == nil {
                note.toolWarnings = ToolContract.warnings(tools: tools, strategy: arm.strategy)
                    + AddedToolsSession.shadowed(primary: caseTools, added: added)
            }
            if arm.runsBuiltinPrograms {
                let declaration = ToolAPIDeclaration(tools: tools)
                let text = arm.toolAPI == .typescript ? declaration.text : tools.map(\.name).joined(separator: ", ")
                note.toolAPI = ToolAPIFigures(
                    style: arm.toolAPI, tools: tools.count, declarationBytes: text.utf8.count, fidelity: declaration.fidelity)
            }
            let servers = Set(cases.compactMap(\.suite.mcpServerName) + [arm.externalRuntime?.server].compactMap { $0 } + added.map(\.server))
            note.mcpEnabled = !servers.isEmpty
            note.mcpServer = servers.isEmpty ? nil : servers.sorted().joined(separator: ",")
            notes[arm.role] = note
        }
        return notes
    }

    /// The model `role` plays with.
    func model(for role: ArmRole) -> ModelSelection {
        // Every played arm has one; `prepare` made them.
        models[role] ?? models.values.first!
    }

    /// The replays' requests that matched no recording, over every arm's cassette.
    var missedRequests: [String] { selections.flatMap { $0.coverage?.missedRequests ?? [] } }

    /// A replay must have a recording of every trial the plan plays.
    private static func checkRecordings(
        _ coverage: any RecordingCoverage, plan: RunPlan, arms: [ArmSettings], cases: [WorkloadCase]
    ) throws {
        var missing = 0
        var examples: [String] = []
        for arm in arms {
            for workload in cases {
                for repetition in 0..<plan.repetitions where !coverage.hasRecording(
                    arm: arm.role, strategy: arm.strategy, preset: workload.preset, caseID: workload.testCase.id,
                    repetition: repetition)
                {
                    missing += 1
                    if examples.count < 5 { examples.append("\(arm.role) \(workload.preset)/\(workload.testCase.id) repetition \(repetition)") }
                }
            }
        }
        if missing > 0 { throw HarnessError.replayIncomplete(missing: missing, examples: examples) }
    }

    /// Starts a sandbox worker before the first trial when the run plays programs (a built-in
    /// Code Mode arm, or the scripted model, which plays reference programs): a missing or
    /// broken engine stops the run (exit 4) instead of failing every program as the model's fault.
    private static func checkSandbox(plan: RunPlan, models: [ModelSelection], sandbox: Sandbox) async throws {
        let builtin = plan.arms.first(where: \.runsBuiltinPrograms)?.limits.memoryMB
        guard let memory = builtin ?? models.compactMap(\.programMemoryMB).first else { return }
        do {
            try await sandbox.warm(memoryMB: memory)
        } catch {
            throw HarnessError.sandboxUnavailable("\(error)")
        }
    }
}

extension RunPlan.Model {
    var isScripted: Bool { if case .scripted = self { true } else { false } }
}
