import Foundation
import ModegateCore
import ModegateSandbox

extension SandboxLimits {
    /// An arm's `limits:` as the sandbox applies them to one program.
    public init(arm limits: ArmPlan.Limits) {
        self.init(
            cpuSeconds: Double(limits.timeoutSeconds), wallSeconds: Double(limits.timeoutSeconds),
            memoryMB: limits.memoryMB, maxToolCalls: limits.maxToolCalls, maxCodeChars: limits.maxCodeChars,
            maxOutputBytes: limits.maxOutputBytes, deniedTools: limits.deniedTools)
    }
}

/// The main job (DESIGN §4, §5, §7): plays the baseline and the candidate on the same cases,
/// stores both runs, and judges them.
public struct GateRunner: Sendable {
    public struct Options: Sendable {
        public var shard: Shard?
        /// A run id (either arm's), or the id prefix both arms share, to finish an interrupted run.
        public var resume: String?
        public var concurrency: Int?
        public var progress: any ProgressSink
        /// Presets to play instead of the gate's `workload.presets` (benchmarks, tests).
        public var presets: [Preset]?
        /// A stored gate run (either arm's id, their stem, `latest`, a folder) whose transcripts
        /// answer every model request instead of the gate's provider.
        public var replay: String?

        public init(shard: Shard? = nil, resume: String? = nil, concurrency: Int? = nil,
                    progress: any ProgressSink = SilentProgress(), presets: [Preset]? = nil, replay: String? = nil) {
            self.presets = presets
            self.replay = replay
            self.shard = shard
            self.resume = resume
            self.concurrency = concurrency
            self.progress = progress
        }
    }

    public struct Outcome: Sendable {
        public var baseline: StoredRun
        public var candidate: StoredRun
        public var verdict: Verdict
        /// Why the runs stopped early (interrupted, budget), if they did.
        public var stoppedEarly: String?
    }

    public internal(set) var plan: GatePlan
    public internal(set) var store: RunStore
    public let planner: WorkloadPlanner
    public let sandbox: Sandbox
    public let toolVersion: String
    public let clock: @Sendable () -> Date
    /// Inherited by stdio MCP servers; read for `headers_env`.
    public let environment: [String: String]

    public init(plan: GatePlan, store: RunStore, planner: WorkloadPlanner, sandbox: Sandbox, toolVersion: String,
                clock: @escaping @Sendable () -> Date = Date.init,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        self.plan = plan
        self.store = store
        self.planner = planner
        self.sandbox = sandbox
        self.toolVersion = toolVersion
        self.clock = clock
    }

    /// Throws `DiagnosticsError` or `StoreError` for bad input (exit 3), `HarnessError` when the
    /// run cannot start (exit 4).
    public func run(_ options: Options) async throws -> Outcome {
        if options.replay != nil, plan.model.provider != .replay { return try await replaying.run(options) }
        let arms = [armSettings(plan.baseline, name: "baseline"), armSettings(plan.candidate, name: "candidate")]
        let (runs, stopped) = try await play(arms: arms, options: options)
        let verdict = Judge(thresholds: plan.thresholds, settings: plan.judgement).judge(candidate: runs[1], baseline: runs[0])
        return Outcome(baseline: runs[0], candidate: runs[1], verdict: verdict, stoppedEarly: stopped)
    }

    /// One arm alone (`modegate bench`): the gate's candidate settings with the given strategy.
    public func bench(strategy: Strategy, options: Options) async throws -> (run: StoredRun, stoppedEarly: String?) {
        if options.replay != nil, plan.model.provider != .replay {
            return try await replaying.bench(strategy: strategy, options: options)
        }
        var arm = armSettings(strategy == .codemode ? plan.candidate : plan.baseline, name: "bench")
        arm.strategy = strategy
        let (runs, stopped) = try await play(arms: [arm], options: options)
        return (runs[0], stopped)
    }

    /// Plays the arms on the workload's cases, stores a run per arm, and reads them back.
    func play(arms: [ArmSettings], options: Options) async throws -> (runs: [StoredRun], stoppedEarly: String?) {
        let presets = try options.presets ?? PresetResolution(planner: planner).presets(for: plan)
        let servers = MCPServerPool(plan: plan.mcp, environment: environment)
        let cases = try await planner(over: servers, for: presets).cases(of: presets, limit: plan.workload.limit, shard: options.shard)
        let provider = try makeProvider(options)
        if let replay = provider as? ReplayProvider {
            let missing = replay.missing(arms: arms, cases: cases, repetitions: plan.workload.repetitions)
            if missing.count > 0 {
                throw HarnessError.providerSetup(
                    "replay: the cassette has no recording of \(missing.count) trial(s) this gate plans (\(missing.first.joined(separator: "; ")))"
                        + "; replay with the gate, limit and repetitions of the recorded run, or record them with a live run")
            }
        }
        try await checkSandbox(arms: arms, provider: provider)
        var externalHandles: [String: (MCPServerHandle, ArmPlan.Roles)] = [:]
        for arm in arms {
            guard let runtime = arm.externalRuntime else { continue }
            guard plan.mcp.enabled, plan.mcp.servers[runtime.server] != nil else {
                throw HarnessError.mcpUnavailable("the \(arm.name)'s mcp_server '\(runtime.server)' is not an enabled server of mcp.servers")
            }
            externalHandles[arm.name] = (await servers.handle(runtime.server), runtime.roles)
        }
        let recorders = try openRuns(arms: arms, cases: cases, options: options, provider: provider)
        options.progress.opened(runs: recorders.map(\.runID))
        var externalRuntimes: [String: ExternalCodeModeStrategy] = [:]
        do {
            // A stdio server's stderr is kept with the first arm's run.
            try await servers.open(logFolder: recorders.first?.writer.folder)
            for arm in arms {
                guard let (handle, given) = externalHandles[arm.name] else { continue }
                let roles = try CodeModeRoles.resolve(server: handle.name, tools: handle.tools, given: given)
                externalRuntimes[arm.name] = ExternalCodeModeStrategy(server: handle, roles: roles, discovery: arm.discovery)
            }
        } catch {
            await servers.closeAll()
            for recorder in recorders { try? recorder.finish(at: clock(), cancelReason: "\(error)") }
            throw error
        }
        let budget = BudgetGuard(plan: plan.budget, pricing: plan.model.pricing)
        let runner = TrialScheduler(
            recorders: recorders, cases: cases, repetitions: plan.workload.repetitions, order: plan.workload.armOrder,
            seed: plan.workload.seed, concurrency: max(1, options.concurrency ?? plan.workload.concurrency),
            budget: budget, progress: options.progress, halt: servers.halt)
        let trialRunner = TrialRunner(
            provider: provider, sandbox: sandbox, budget: budget, pricing: plan.model.pricing,
            faults: plan.tools.faults, providerName: plan.model.provider.rawValue, externalRuntimes: externalRuntimes)
        let stopped: String?
        do {
            stopped = try await runner.play(with: trialRunner)
        } catch {
            await servers.closeAll()
            throw error
        }
        await servers.closeAll()
        let finishedAt = clock()
        if let halted = servers.halt.reason {
            // The finished trials are kept; once the server starts, --resume plays the rest.
            for recorder in recorders { try? recorder.finish(at: finishedAt, cancelReason: halted) }
            let stem = recorders.first.map { GateRunID.stem(of: $0.runID) } ?? ""
            throw HarnessError.mcpUnavailable("\(halted); the run stopped, its finished trials are kept: fix the server and finish with --resume \(stem)")
        }
        for recorder in recorders { try recorder.finish(at: finishedAt, cancelReason: stopped) }
        let runs = try recorders.map {
            try store.open(try store.resolve(.named($0.writer.folder.path), workingDirectory: planner.gateDirectory))
        }
        if let missed = (provider as? ReplayProvider)?.missed, let first = missed.first {
            throw HarnessError.replayMissed(
                "replay: \(missed.count) request(s) did not match the recording; first: \(first). "
                    + "The gate, the presets or the tools' answers changed since the recording; record again. "
                    + "The replayed runs are kept: \(runs.map(\.id).joined(separator: ", "))")
        }
        return (runs, stopped)
    }

    /// Starts a sandbox worker before the first trial when an arm runs programs (a built-in Code
    /// Mode arm, or the scripted model, which plays reference programs): a missing or broken
    /// engine stops the run (exit 4) instead of failing every program as the model's fault.
    func checkSandbox(arms: [ArmSettings], provider: any ModelProvider) async throws {
        let builtin = arms.first { $0.strategy == .codemode && $0.externalRuntime == nil }?.limits.memoryMB
        guard let memory = builtin ?? provider.programMemoryMB else { return }
        do {
            try await sandbox.warm(memoryMB: memory)
        } catch {
            throw HarnessError.sandboxUnavailable("the Code Mode sandbox cannot start: \(error)")
        }
    }

    /// The planner with the suites that cross MCP: the gate's servers for `suite: {mcp: SERVER}`
    /// presets, and with `tools.transport: mcp_stdio` every built-in suite served by
    /// `modegate serve`. Only servers the presets use get a handle (and are started).
    func planner(over servers: MCPServerPool, for presets: [Preset]) async -> WorkloadPlanner {
        var planner = self.planner
        var builtinNames = Set<String>()
        for preset in presets {
            switch preset.suite {
            case .mcp(let name) where plan.mcp.enabled && plan.mcp.servers[name] != nil:
                planner.mcpSuites[name] = MCPServerSuite(server: await servers.handle(name))
            case .mcp: break
            case .builtin(let name): builtinNames.insert(name)
            }
        }
        if plan.tools.transport == .mcpStdio {
            var served: [any Suite] = []
            for suite in planner.suites {
                guard builtinNames.contains(suite.name) else {
                    served.append(suite)
                    continue
                }
                let probe = await servers.handle(
                    serving: suite.name, command: ServedSuite.command(sandbox.executable, suite: suite.name, params: [:]))
                served.append(ServedSuite(inner: suite, executable: sandbox.executable, environment: environment, listed: probe))
            }
            planner.suites = served
        }
        return planner
    }

    /// This runner with every model request answered from a recording (`--replay`).
    var replaying: GateRunner {
        var runner = self
        runner.plan.model.provider = .replay
        return runner
    }

    /// The gate's model, set up: for `replay`, with its cassette read.
    func makeProvider(_ options: Options) throws -> any ModelProvider {
        try ProviderFactory.make(
            plan: plan, sandbox: sandbox, environment: environment,
            cassette: plan.model.provider == .replay ? try cassetteFiles(options) : [])
    }

    /// The transcript files to replay: those of `--replay`'s gate run (both arms), else the
    /// gate's `model.cassette`.
    func cassetteFiles(_ options: Options) throws -> [URL] {
        guard let reference = options.replay else {
            return try Cassette.files(at: plan.model.cassette ?? ".", relativeTo: planner.gateDirectory)
        }
        let entries = store.catalog().entries.filter { $0.source == .native }
        var matches = entries.filter { GateRunID.stem(of: $0.id) == reference }
        if matches.isEmpty {
            let entry = try store.resolve(try RunReference(parsing: reference), workingDirectory: planner.gateDirectory)
            let stem = GateRunID.stem(of: entry.id)
            matches = entries.filter { GateRunID.stem(of: $0.id) == stem }
            if matches.isEmpty { matches = [entry] }
        }
        return matches.map { URL(fileURLWithPath: $0.path).appendingPathComponent("transcripts.jsonl") }
    }

    /// The values of every secret variable the gate names (the API key, MCP header secrets).
    var redactor: SecretRedactor {
        var secrets: [String: String] = [:]
        let variables = [plan.model.apiKeyEnv].compactMap { $0 } + plan.mcp.servers.values.flatMap { $0.headersEnv.values }
        for variable in variables { secrets[variable] = environment[variable] }
        return SecretRedactor(secrets: secrets)
    }

    func armSettings(_ arm: ArmPlan, name: String) -> ArmSettings {
        let limits = SandboxLimits(arm: arm.limits)
        let external = arm.strategy == .codemode && arm.runtime == .mcp ? arm.mcpServer.map { ($0, arm.mcpRoles) } : nil
        return ArmSettings(
            name: name, strategy: arm.strategy == .codemode ? .codemode : .toolCall, maxSteps: arm.maxSteps,
            discovery: arm.discovery, limits: limits, externalRuntime: external)
    }

    /// New runs for both arms, or the two runs of an interrupted gate run to finish.
    func openRuns(arms: [ArmSettings], cases: [WorkloadCase], options: Options, provider: any ModelProvider) throws -> [ArmRecorder] {
        let planned = cases.count * plan.workload.repetitions
        if let resume = options.resume {
            return try arms.map { arm in
                let entry = try resumeEntry(resume, arm: arm)
                let (writer, trials) = try store.reopen(entry)
                // Trials that ended because of an interruption are played again.
                return ArmRecorder(settings: arm, writer: writer, previous: trials.filter { $0.error?.category != .cancelled },
                                   planned: planned, redactor: redactor)
            }
        }
        let started = clock()
        let stem = GateRunID.stem(at: started)
        let planJSON = try? JSONValue.parse(StableJSON.string(plan, pretty: false))
        return try arms.map { arm in
            let manifest = RunManifest(
                runID: "\(stem)-\(arm.name == "bench" ? arm.strategy.rawValue : arm.name)", toolVersion: toolVersion,
                strategy: arm.strategy, arm: arm.name == "bench" ? nil : arm.name,
                gateFile: plan.sourcePath, gateSHA256: plan.sourceSHA256, plan: planJSON, model: provider.modelName,
                provider: plan.model.provider.rawValue, presets: plan.workload.presets, repetitions: plan.workload.repetitions,
                plannedTrials: planned, seed: plan.workload.seed, shard: options.shard?.description,
                host: ProcessInfo.processInfo.hostName, startedAt: started)
            return ArmRecorder(
                settings: arm, writer: try store.create(manifest: manifest), previous: [], planned: planned, redactor: redactor)
        }
    }

    private func resumeEntry(_ reference: String, arm: ArmSettings) throws -> RunCatalogEntry {
        let entries = store.catalog().entries.filter { $0.source == .native }
        let stem = GateRunID.stem(of: reference)
        let matches = entries.filter { GateRunID.stem(of: $0.id) == stem && $0.id.hasSuffix("-\(arm.name)") }
        guard let entry = matches.first else {
            throw StoreError.unknownReference("\(reference) (\(arm.name))", known: entries.map(\.id))
        }
        return entry
    }
}
