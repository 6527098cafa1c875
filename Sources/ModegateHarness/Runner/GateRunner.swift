import Foundation
import ModegateCore
import ModegateMCP
import ModegateSandbox

/// The main job (DESIGN §4, §5, §7): plays the baseline and the candidate on the same cases,
/// stores both runs, and judges them. A run goes through named stages, in this order:
///
/// 1. resolve the plan (`RunPlan`): presets, arms to play and arms reused, the model choice;
/// 2. prepare (`PreparedRun`): cases, the model selection, the sandbox, the MCP servers;
/// 3. schedule the trials (`TrialScheduler`, each played by `TrialRunner`), batch by batch;
/// 4. record them (`ArmRecording`: the store, or memory for the estimate's rehearsal);
/// 5. judge (`Judge`);
/// 6. report (the command line renders the verdict).
///
/// The runner holds only what does not change during a run; its plan is never edited.
public struct GateRunner: Sendable {
    /// How to run this time: the parts of a run the gate file does not say.
    public struct Options: Sendable {
        /// Play only this shard of the cases.
        public var shard: Shard?
        /// A run id (either arm's), or the id prefix both arms share, to finish an interrupted run.
        public var resume: String?
        /// Trials at the same time (overrides `workload.concurrency`).
        public var concurrency: Int?
        /// Where progress goes.
        public var progress: any ProgressSink
        /// Presets to play instead of the gate's `workload.presets` (benchmarks, tests).
        public var presets: [Preset]?
        /// A stored gate run (either arm's id, their stem, `latest`, a folder) whose transcripts
        /// answer every model request instead of the gate's provider.
        public var replay: String?
        /// Arms not to play: their stored run is judged instead.
        public var reuse: [ArmRole: StoredRun]
        /// Play in batches of cases and review between them.
        public var batching: Batching?
        /// Judge against a reused baseline even when its provenance differs from the gate's.
        public var allowStaleBaseline = false

        /// Options for a run; every one has the gate's behaviour as its default.
        public init(shard: Shard? = nil, resume: String? = nil, concurrency: Int? = nil,
                    progress: any ProgressSink = SilentProgress(), presets: [Preset]? = nil, replay: String? = nil,
                    reuse: [ArmRole: StoredRun] = [:], batching: Batching? = nil) {
            self.shard = shard
            self.resume = resume
            self.concurrency = concurrency
            self.progress = progress
            self.presets = presets
            self.replay = replay
            self.reuse = reuse
            self.batching = batching
        }
    }

    /// What a gate run leaves: both arms' runs and the verdict on them.
    public struct Outcome: Sendable {
        /// The runs judged, played now or reused.
        public var runs: ArmPair<StoredRun>
        /// The judge's verdict on them.
        public var verdict: Verdict
        /// Why the runs stopped early (interrupted, budget, asked between batches), if they did.
        public var stoppedEarly: StopReason?

        /// The baseline's run.
        public var baseline: StoredRun { runs.baseline }
        /// The candidate's run.
        public var candidate: StoredRun { runs.candidate }
    }

    /// The gate file, resolved.
    public let plan: GatePlan
    /// Where runs are written and found.
    public let store: RunStore
    /// Loads presets and binds their suites.
    public let planner: WorkloadPlanner
    /// Where programs run.
    public let sandbox: Sandbox
    /// modegate's version, for manifests.
    public let toolVersion: String
    /// The time runs start and end (fixed in tests).
    public let clock: @Sendable () -> Date
    /// Inherited by stdio MCP servers; read for `headers_env` and API keys.
    public let environment: [String: String]

    /// A runner of one gate.
    public init(plan: GatePlan, store: RunStore, planner: WorkloadPlanner, sandbox: Sandbox, toolVersion: String,
                clock: @escaping @Sendable () -> Date = Date.init,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.plan = plan
        self.store = store
        self.planner = planner
        self.sandbox = sandbox
        self.toolVersion = toolVersion
        self.clock = clock
        self.environment = environment
    }

    /// Both arms (or the one not reused), judged. Throws `DiagnosticsError` or `StoreError`
    /// for bad input (exit 3), `HarnessError` when the run cannot start or go on (exit 4).
    public func run(_ options: Options) async throws -> Outcome {
        let plan = try RunPlan.gate(self, options)
        let (played, stopped, reuse) = try await play(plan, progress: options.progress, allowStale: options.allowStaleBaseline)
        var runs: [ArmRole: StoredRun] = options.reuse
        for (role, run) in played { runs[role] = run }
        guard let baseline = runs[.baseline], let candidate = runs[.candidate] else {
            preconditionFailure("a gate run plays or reuses both arms")
        }
        let pair = ArmPair(baseline: baseline, candidate: candidate)
        var verdict = Judge(thresholds: self.plan.thresholds, settings: self.plan.judgement)
            .judge(candidate: pair.candidate, baseline: pair.baseline)
        if let reuse {
            verdict.baselineReuse = reuse
            if reuse.isStale {
                verdict.warnings.append("the baseline is the stored run \(reuse.run), reused with --allow-stale-baseline although "
                    + "its provenance differs: " + reuse.differences.joined(separator: "; "))
            }
        }
        return Outcome(runs: pair, verdict: verdict, stoppedEarly: stopped)
    }

    /// One arm alone (`modegate bench`): the gate's candidate settings with the given strategy.
    public func bench(strategy: Strategy, options: Options) async throws -> (run: StoredRun, stoppedEarly: StopReason?) {
        let (played, stopped, _) = try await play(try RunPlan.bench(self, strategy: strategy, options), progress: options.progress)
        guard let run = played.first?.run else { preconditionFailure("a bench plays its arm") }
        return (run, stopped)
    }

    /// Stages 2 to 4 for a plan kept in the store: prepare, check a reused baseline, open the
    /// runs, schedule and record, then read the runs back.
    func play(_ plan: RunPlan, progress: any ProgressSink, allowStale: Bool = false) async throws
        -> (runs: [(role: ArmRole, run: StoredRun)], stopped: StopReason?, reuse: BaselineReuse?)
    {
        let prepared = try await PreparedRun.prepare(plan, runner: self)
        var reuse: BaselineReuse?
        if let stored = plan.reused[.baseline] {
            // Before any run is created or any model request made: the servers are opened now,
            // so MCP suites' tool lists take part in the comparison.
            do {
                _ = try await prepared.open(logFolder: nil)
            } catch {
                await prepared.servers.closeAll()
                throw error
            }
            let check = BaselineReuse.check(stored: stored, current: prepared.provenance(for: .baseline), allowStale: allowStale)
            if check.isStale && !allowStale {
                await prepared.servers.closeAll()
                throw StaleBaselineError(check)
            }
            reuse = check
        }
        let recorders = try openRuns(prepared)
        progress.opened(runs: recorders.map(\.runID))
        let stopped = try await schedule(prepared, recorders: recorders, progress: progress)
        let runs = try recorders.map {
            (role: $0.arm.role, run: try store.open(try store.resolve(.named($0.writer.folder.path), workingDirectory: planner.gateDirectory)))
        }
        if let missed = prepared.model.coverage?.missedRequests, let first = missed.first {
            throw HarnessError.replayMissed(count: missed.count, first: first, runs: runs.map(\.run.id))
        }
        return (runs, stopped, reuse)
    }

    /// Stages 3 and 4: opens the servers, plays every trial into `recorders`, closes the servers
    /// and finishes the runs. An MCP server that could not be started again halts the run
    /// (`HarnessError.serverHalted`) with the finished trials kept.
    func schedule(_ prepared: PreparedRun, recorders: [any ArmRecording], progress: any ProgressSink) async throws -> StopReason? {
        let plan = prepared.plan
        let externals: [ArmRole: ExternalCodeModeStrategy]
        do {
            // A stdio server's stderr is kept with its arm's run (a server the run starts for
            // listing only, with the first arm's).
            externals = try await prepared.open(
                logFolder: recorders.first?.logFolder,
                logFolders: Dictionary(recorders.compactMap { recorder in recorder.logFolder.map { (recorder.arm.role, $0) } },
                                       uniquingKeysWith: { first, _ in first }))
        } catch {
            await prepared.servers.closeAll()
            for recorder in recorders { try? recorder.finish(at: clock(), stoppedBy: .setupFailed("\(error)"), notes: ArmNotes()) }
            throw error
        }
        var notes = prepared.notes()
        for arm in plan.arms {
            notes[arm.role, default: ArmNotes()].provenance = prepared.provenance(for: arm.role, strategy: arm.strategy)
        }
        let conformance = OutputConformance()
        for warning in Set(notes.values.flatMap(\.toolWarnings)).sorted() { progress.message("modegate: warning: \(warning)") }
        let budget = BudgetGuard(plan: plan.budget, pricing: plan.gate.model.pricing)
        let scheduler = TrialScheduler(
            recorders: recorders, cases: prepared.cases, repetitions: plan.repetitions, order: plan.gate.workload.armOrder,
            seed: plan.gate.workload.seed, concurrency: plan.concurrency, budget: budget, progress: progress,
            halt: prepared.servers.halt, batching: plan.batching,
            reusedTrials: (try? plan.reused.mapValues { try $0.trialRecords() }) ?? [:])
        let trialRunner = TrialRunner(
            model: prepared.model, sandbox: sandbox, budget: budget, pricing: plan.gate.model.pricing,
            faults: plan.gate.tools.faults, conformance: conformance, externalRuntimes: externals)
        let stopped: StopReason?
        do {
            stopped = try await scheduler.play(with: trialRunner)
        } catch {
            await prepared.servers.closeAll()
            throw error
        }
        await prepared.servers.closeAll()
        let drift = await prepared.servers.toolDrift() + conformance.warnings
        for warning in drift { progress.message("modegate: warning: \(warning)") }
        for role in notes.keys { notes[role]?.toolWarnings += drift }
        let finishedAt = clock()
        if let halted = prepared.servers.halt.reason {
            // The finished trials are kept; once the server starts, --resume plays the rest.
            for recorder in recorders { try? recorder.finish(at: finishedAt, stoppedBy: .serverHalted(halted), notes: notes[recorder.arm.role] ?? ArmNotes()) }
            throw HarnessError.serverHalted(reason: halted, resumeStem: recorders.first.map { GateRunID.stem(of: $0.runID) } ?? "")
        }
        for recorder in recorders { try recorder.finish(at: finishedAt, stoppedBy: stopped, notes: notes[recorder.arm.role] ?? ArmNotes()) }
        return stopped
    }

    /// The planner with the suites that cross MCP: the gate's servers for `suite: {mcp: SERVER}`
    /// presets, and with `tools.transport: mcp_stdio` every built-in suite served by
    /// `modegate serve`. Only servers the presets use get a handle (and are started): one per arm
    /// in `arms`, so each arm plays on servers of its own (one shared handle when `arms` is empty).
    func planner(
        over servers: MCPServerPool, for presets: [Preset], transport: ToolsPlan.Transport, arms: [ArmRole] = []
    ) async -> WorkloadPlanner {
        var planner = self.planner
        var builtinNames = Set<String>()
        for preset in presets {
            switch preset.suite {
            case .mcp(let name) where plan.mcp.enabled && plan.mcp.servers[name] != nil:
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
                served.append(ServedSuite(inner: suite, executable: sandbox.executable, environment: environment, listed: probe))
            }
            planner.suites = served
        }
        return planner
    }

    /// The values of every secret variable the gate names (the API key, MCP header secrets).
    var redactor: SecretRedactor {
        var secrets: [String: String] = [:]
        let variables = [plan.model.apiKeyEnv].compactMap { $0 } + plan.mcp.servers.values.flatMap { $0.headersEnv.values }
        for variable in variables { secrets[variable] = environment[variable] }
        return SecretRedactor(secrets: secrets)
    }
}
