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
/// The runner holds only what does not change during a run: the invocation (the plan with its
/// overrides, resolved once) and the collaborators.
public struct GateRunner: Sendable {
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

    /// The gate and how this invocation runs it, resolved once.
    public let invocation: GateInvocation
    /// The gate as the invocation plays it.
    public var plan: GatePlan { invocation.plan }
    /// What the run works with (store, planner, sandbox, clock, variables, the factories).
    public let environment: RunEnvironment
    /// Where runs are written and found.
    public var store: RunStore { environment.store }
    /// Loads presets and binds their suites.
    public var planner: WorkloadPlanner { environment.planner }
    /// Where programs run.
    public var sandbox: Sandbox { environment.sandbox }
    /// modegate's version, for manifests.
    public var toolVersion: String { environment.toolVersion }
    /// The time runs start and end (fixed in tests).
    public var clock: @Sendable () -> Date { environment.clock }

    /// A runner of one invocation in `environment`.
    public init(invocation: GateInvocation, environment: RunEnvironment) {
        self.invocation = invocation
        self.environment = environment
    }

    /// A runner of one invocation with real models and servers; stdio servers inherit `environment`.
    public init(invocation: GateInvocation, store: RunStore, planner: WorkloadPlanner, sandbox: Sandbox, toolVersion: String,
                clock: @escaping @Sendable () -> Date = Date.init,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(invocation: invocation, environment: RunEnvironment(
            store: store, planner: planner, sandbox: sandbox, toolVersion: toolVersion, clock: clock, variables: environment))
    }

    /// The same runner playing `presets` instead of the gate's (a sweep's shape).
    public func playing(_ presets: [Preset]) -> GateRunner {
        GateRunner(invocation: invocation.playing(presets), environment: environment)
    }

    /// Both arms (or the one not reused), judged. Throws `DiagnosticsError` or `StoreError`
    /// for bad input (exit 3), `HarnessError` when the run cannot start or go on (exit 4).
    public func run() async throws -> Outcome {
        let settings = invocation.settings
        let plan = try RunPlan.gate(invocation, environment: environment)
        let (played, stopped, reuse) = try await play(plan, progress: settings.progress, allowStale: settings.allowStaleBaseline)
        var runs: [ArmRole: StoredRun] = settings.reuse
        for (role, run) in played { runs[role] = run }
        guard let baseline = runs[.baseline], let candidate = runs[.candidate] else {
            preconditionFailure("a gate run plays or reuses both arms")
        }
        let pair = ArmPair(baseline: baseline, candidate: candidate)
        let verdict = Judge(thresholds: self.plan.thresholds, settings: self.plan.judgement)
            .judge(candidate: pair.candidate, baseline: pair.baseline, reuse: reuse)
        return Outcome(runs: pair, verdict: verdict, stoppedEarly: stopped)
    }

    /// One arm alone (`modegate bench`): the gate's candidate settings with the given strategy.
    public func bench(strategy: Strategy) async throws -> (run: StoredRun, stoppedEarly: StopReason?) {
        let (played, stopped, _) = try await play(try RunPlan.bench(invocation, strategy: strategy, environment: environment), progress: invocation.settings.progress)
        guard let run = played.first?.run else { preconditionFailure("a bench plays its arm") }
        return (run, stopped)
    }

    /// Stages 2 to 4 for a plan kept in the store: prepare, check a reused baseline, open the
    /// runs, schedule and record, then read the runs back.
    func play(_ plan: RunPlan, progress: any ProgressSink, allowStale: Bool = false) async throws
        -> (runs: [(role: ArmRole, run: StoredRun)], stopped: StopReason?, reuse: BaselineReuse?)
    {
        let prepared = try await PreparedRun.prepare(plan, environment: environment)
        // A reused baseline's check starts the servers before the runs' folders exist: their
        // stderr goes here first, and moves into the run folders once they do.
        let staging = store.root.appendingPathComponent("starting").appendingPathComponent(UUID().uuidString)
        defer {
            try? FileManager.default.removeItem(at: staging)
            _ = Foundation.rmdir(staging.deletingLastPathComponent().path)
        }
        // The servers are closed however the run leaves: played, stale, interrupted, failed.
        return try await prepared.servers.closing {
            var reuse: BaselineReuse?
            if let stored = plan.reused[.baseline] {
                // Before any run is created or any model request made: the servers are opened
                // now (once: the run goes on with them), so MCP suites' tool lists take part in
                // the comparison.
                try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
                _ = try await prepared.open(logFolder: staging)
                let check = BaselineReuse.check(stored: stored, current: prepared.provenance(for: .baseline), allowStale: allowStale)
                if check.isStale && !allowStale { throw StaleBaselineError(check) }
                reuse = check
            }
            // The batch review compares with a reused run's trials, read before any run is
            // created: an unreadable line is exit 3 naming the file and line, not a review that
            // silently sees no baseline.
            let reusedTrials = plan.batching == nil ? [:] : try plan.reused.mapValues { try $0.trialRecords() }
            let recorders = try openRuns(prepared)
            progress.opened(runs: recorders.map(\.runID))
            let stopped = try await schedule(prepared, recorders: recorders, progress: progress, reusedTrials: reusedTrials)
            let runs = try recorders.map {
                (role: $0.arm.role, run: try store.open(try store.resolve(.named($0.writer.folder.path), workingDirectory: planner.gateDirectory)))
            }
            let missed = prepared.missedRequests
            if let first = missed.first {
                throw HarnessError.replayMissed(count: missed.count, first: first, runs: runs.map(\.run.id))
            }
            return (runs, stopped, reuse)
        }
    }

    /// Stages 3 and 4: opens the servers, plays every trial into `recorders` and finishes the
    /// runs; the caller's `closing` scope closes the servers. An MCP server that could not be
    /// started again halts the run (`HarnessError.serverHalted`) with the finished trials kept.
    func schedule(
        _ prepared: PreparedRun, recorders: [any ArmRecording], progress: any ProgressSink,
        reusedTrials: [ArmRole: [TrialRecord]] = [:]
    ) async throws -> StopReason? {
        let plan = prepared.plan
        let externals: [ArmRole: ExternalCodeModeStrategy]
        do {
            // A stdio server's stderr is kept with its arm's run (a server the run starts for
            // listing only, with the first arm's); one started for a check moves there.
            let folders = Dictionary(recorders.compactMap { recorder in recorder.logFolder.map { (recorder.arm.role, $0) } },
                                     uniquingKeysWith: { first, _ in first })
            externals = try await prepared.open(logFolder: recorders.first?.logFolder, logFolders: folders)
        } catch {
            for recorder in recorders { try? recorder.finish(at: clock(), stoppedBy: .setupFailed("\(error)"), notes: ArmNotes()) }
            throw error
        }
        var notes = prepared.notes()
        for arm in plan.arms {
            notes[arm.role, default: ArmNotes()].provenance = prepared.provenance(for: arm.role, strategy: arm.strategy)
        }
        let conformance = OutputConformance()
        for warning in Set(notes.values.flatMap(\.toolWarnings)).sorted() { progress.message("modegate: warning: \(warning)") }
        // Only a run that is judged: a bench arm alone has no margin.
        if plan.arms.count == 2 || !reusedTrials.isEmpty {
            for warning in MarginWarning.warnings(plan: plan.gate, cases: prepared.cases.count) { progress.message("modegate: warning: \(warning)") }
        }
        // A setup call gives each trial fresh state only if no other trial of the arm uses the
        // server meanwhile, or the server keeps state by the trial each call names: an arm's
        // trials share its server.
        let servers = plan.gate.mcp.servers
        let setUp = Set(prepared.cases.filter {
            $0.testCase.setup != nil && $0.suite.overMCP && servers[$0.suite.mcpServerName ?? ""]?.perTrialState != true
        }.map(\.preset))
        if plan.concurrency > 1, !setUp.isEmpty {
            progress.message("modegate: warning: the cases of \(setUp.sorted().joined(separator: ", ")) set up state on their MCP server, "
                + "which the \(plan.concurrency) trials an arm runs at once share; run with --concurrency 1, or give the server per_trial_state: true if it keeps state by the trial each call names (modegate.dev/trial in _meta)")
        }
        let budget = BudgetGuard(plan: plan.budget, uptime: environment.uptime)
        let scheduler = TrialScheduler(
            recorders: recorders, cases: prepared.cases, repetitions: plan.repetitions, order: plan.gate.workload.armOrder,
            seed: plan.gate.workload.seed, concurrency: plan.concurrency, budget: budget, progress: progress,
            stop: prepared.servers.stop, batching: plan.batching,
            reusedTrials: reusedTrials)
        let trialRunner = TrialRunner(
            models: prepared.models, sandbox: sandbox, budget: budget,
            pricing: Dictionary(uniqueKeysWithValues: plan.arms.compactMap { arm in
                plan.gate.model(for: arm.role).pricing.map { (arm.role, $0) }
            }),
            faults: plan.gate.tools.faults, conformance: conformance, externalRuntimes: externals,
            addedSources: prepared.addedSources, uptime: environment.uptime)
        let stopped = try await scheduler.play(with: trialRunner)
        let drift = await prepared.servers.toolDrift() + conformance.warnings
        for warning in drift { progress.message("modegate: warning: \(warning)") }
        for role in notes.keys { notes[role]?.toolWarnings += drift }
        let finishedAt = clock()
        if let halted = prepared.servers.stop.serverHalt {
            // The finished trials are kept; once the server starts, --resume plays the rest.
            for recorder in recorders { try? recorder.finish(at: finishedAt, stoppedBy: .serverHalted(halted), notes: notes[recorder.arm.role] ?? ArmNotes()) }
            throw HarnessError.serverHalted(reason: halted, resumeStem: recorders.first.map { GateRunID.stem(of: $0.runID) } ?? "")
        }
        for recorder in recorders { try recorder.finish(at: finishedAt, stoppedBy: stopped, notes: notes[recorder.arm.role] ?? ArmNotes()) }
        return stopped
    }

    /// The values of every secret variable the gate names (the API key, MCP header secrets).
    var redactor: SecretRedactor {
        var secrets: [String: String] = [:]
        let variables = plan.models.compactMap(\.apiKeyEnv) + plan.mcp.servers.values.flatMap { $0.headersEnv.values }
        for variable in variables { secrets[variable] = environment.variables[variable] }
        return SecretRedactor(secrets: secrets)
    }
}
