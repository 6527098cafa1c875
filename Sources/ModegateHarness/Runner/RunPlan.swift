import Foundation
import ModegateCore
import ModegateProviders

/// Stage 1 of a run: what will be played, resolved once and never changed — the presets, the
/// arms to play and the arms whose stored run is reused, the model choice, repetitions, budget
/// and tool transport. A gate run, a bench arm and the estimate's rehearsal are three plans of
/// the same gate, built by the three functions below from the invocation and the environment;
/// none edits the gate plan.
struct RunPlan: Sendable {
    /// How the run's model is chosen (stage 2 makes the choice).
    enum Model: Sendable {
        /// The gate's `model:` as it is (a live provider or the scripted model).
        case gate
        /// The transcripts in these files answer every request (`--replay` or `provider: replay`).
        case replay([URL])
        /// The scripted model, whatever the gate names (the estimate's rehearsal).
        case scripted
    }

    let gate: GatePlan
    let presets: [Preset]
    /// The arms to play, in the order their runs are opened.
    let arms: [ArmSettings]
    /// Arms that are not played: their stored run is judged instead.
    let reused: [ArmRole: StoredRun]
    let model: Model
    let repetitions: Int
    let budget: BudgetPlan
    let transport: ToolsPlan.Transport
    let shard: Shard?
    let resume: String?
    let concurrency: Int
    let batching: GateRunner.Batching?
    /// Trials are kept in memory, not in the store (the rehearsal).
    let inMemory: Bool

    /// Both arms of the gate, minus those whose stored run `options.reuse` gives.
    static func gate(_ invocation: GateInvocation, environment: RunEnvironment) throws -> RunPlan {
        let (plan, options) = (invocation.plan, invocation.settings)
        let arms = ArmPair(baseline: plan.baseline, candidate: plan.candidate).roles
            .filter { options.reuse[$0.role] == nil }
            .map { ArmSettings($0.value, role: $0.role) }
        var batching = options.batching
        if let sequential = plan.judgement.sequential, batching == nil {
            // Each shard would stop on its own evidence; the decision needs all cases' order.
            if options.shard != nil {
                throw DiagnosticsError([GateSourceMap(path: plan.sourcePath).sequentialError(
                    "sequential judging cannot run in shards: each shard would stop on its own part of the evidence; run the gate whole, or remove judgement.sequential to shard it")])
            }
            batching = GateRunner.Batching(
                cases: sequential.batchCases,
                review: SequentialReview(judge: Judge(thresholds: plan.thresholds, settings: plan.judgement)),
                seededOrder: plan.judgement.seed)
        }
        return RunPlan(
            gate: plan, presets: try presets(invocation, environment), arms: arms, reused: options.reuse,
            model: try model(invocation, environment), repetitions: plan.workload.repetitions, budget: plan.budget,
            transport: plan.tools.transport, shard: options.shard, resume: options.resume,
            concurrency: invocation.concurrency, batching: batching,
            inMemory: false)
    }

    /// One arm alone (`modegate bench`): the gate's candidate settings for code mode, the
    /// baseline's for tool calling, with the given strategy.
    static func bench(_ invocation: GateInvocation, strategy: Strategy, environment: RunEnvironment) throws -> RunPlan {
        let (plan, options) = (invocation.plan, invocation.settings)
        var arm = ArmSettings(strategy == .codemode ? plan.candidate : plan.baseline, role: .bench)
        arm.strategy = strategy
        return RunPlan(
            gate: plan, presets: try presets(invocation, environment), arms: [arm], reused: [:],
            model: try model(invocation, environment),
            repetitions: plan.workload.repetitions, budget: plan.budget, transport: plan.tools.transport,
            shard: options.shard, resume: options.resume, concurrency: invocation.concurrency,
            batching: options.batching, inMemory: false)
    }

    /// The estimate's rehearsal: both arms with the scripted model, one repetition, no budget,
    /// tools in process and programs in the built-in sandbox, kept in memory. Only presets of
    /// built-in suites are played, and only their cases with a reference solution: calling an
    /// MCP server's tools could change the world.
    static func rehearsal(of invocation: GateInvocation, presets: [Preset]) -> RunPlan {
        let (plan, options) = (invocation.plan, invocation.settings)
        let offline: [Preset] = presets.compactMap { preset in
            guard case .builtin = preset.suite else { return nil }
            var rehearsed = preset
            rehearsed.cases = preset.cases.filter { $0.reference != nil }
            return rehearsed.cases.isEmpty ? nil : rehearsed
        }
        let arms = ArmPair(baseline: plan.baseline, candidate: plan.candidate).roles.map { role, arm in
            var settings = ArmSettings(arm, role: role)
            settings.externalRuntime = nil
            return settings
        }
        return RunPlan(
            gate: plan, presets: offline, arms: arms, reused: [:], model: .scripted, repetitions: 1, budget: .unlimited,
            transport: .inProcess, shard: options.shard, resume: nil,
            concurrency: invocation.concurrency, batching: nil, inMemory: true)
    }

    private static func presets(_ invocation: GateInvocation, _ environment: RunEnvironment) throws -> [Preset] {
        try invocation.settings.presets ?? PresetResolution(planner: environment.planner).presets(for: invocation.plan)
    }

    /// The replay's transcripts when the run replays, else the gate's model.
    static func model(_ invocation: GateInvocation, _ environment: RunEnvironment) throws -> Model {
        if let reference = invocation.settings.replay { return .replay(try cassette(of: reference, environment)) }
        let model = invocation.plan.model
        if model.provider == .replay {
            return .replay(try Cassette.files(at: model.cassette ?? ".", relativeTo: environment.planner.gateDirectory))
        }
        return .gate
    }

    /// The transcript files of `--replay`'s gate run: both arms' when the reference names one
    /// of them or their stem, else the one run's.
    private static func cassette(of reference: String, _ environment: RunEnvironment) throws -> [URL] {
        let store = environment.store
        let entries = store.catalog().entries.filter { $0.source == .native }
        var matches = entries.filter { GateRunID.stem(of: $0.id) == reference }
        if matches.isEmpty {
            let entry = try store.resolve(try RunReference(parsing: reference), workingDirectory: environment.planner.gateDirectory)
            let stem = GateRunID.stem(of: entry.id)
            matches = entries.filter { GateRunID.stem(of: $0.id) == stem }
            if matches.isEmpty { matches = [entry] }
        }
        return matches.map { URL(fileURLWithPath: $0.path).appendingPathComponent("transcripts.jsonl") }
    }

    /// Trials each played arm plans.
    func plannedTrials(cases: Int) -> Int { cases * repetitions }
}
