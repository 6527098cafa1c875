import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateReports

/// `modegate run GATE.yaml`: the main job. Plays the baseline and the candidate, stores both
/// runs, judges them, writes the reports and exits with the verdict's code.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a gate: both arms, the judge, the reports; exit code = verdict.")

    @Argument(help: "The gate file.")
    var gate: String

    @OptionGroup var reports: ReportOptions

    @OptionGroup var tracing: TraceOptions

    @Option(help: ArgumentHelp(
        "Run only shard K of N (a stable partition of cases), e.g. 2/4; auto reads it from the CI engine's parallel-job variables (GitLab, Buildkite, CircleCI, a Kubernetes Indexed Job).",
        valueName: "K/N|auto"))
    var shard: String?

    @Option(help: "With --shard auto in a Kubernetes Indexed Job: the number of shards (the Job's completions); else MODEGATE_SHARD_TOTAL.")
    var shardTotal: Int?

    @Option(help: "Finish an interrupted gate run (either arm's run id, or the id stem they share).")
    var resume: String?

    @OptionGroup var invocation: InvocationOptions

    @Option(help: ArgumentHelp(
        "Answer every model request from a stored gate run's transcripts, with no network and no key (either arm's id, their stem, latest, or a run folder).",
        valueName: "RUN"))
    var replay: String?

    @Flag(help: "Resolve the plan, check the model's set-up (key variable, URL, cassette) and print the estimate of trials, requests, tokens and cost; call no model.")
    var dryRun = false

    @Option(help: ArgumentHelp(
        "Judge the candidate against this stored baseline run instead of playing the baseline again, when its provenance (model, sampling, baseline settings, presets, tools, scoring) matches (overrides baseline.reuse).",
        valueName: "REF"))
    var baseline: String?

    @Flag(help: "With a reused baseline: judge against it even when its provenance differs; the verdict records the differences.")
    var allowStaleBaseline = false

    func validate() throws {
        if let shard, shard != "auto", Shard(parsing: shard) == nil {
            throw ValidationError("--shard must look like K/N with 1 ≤ K ≤ N, or be auto, got '\(shard)'")
        }
        if let shardTotal {
            guard shard == "auto" else { throw ValidationError("--shard-total goes with --shard auto") }
            guard shardTotal >= 1 else { throw ValidationError("--shard-total must be at least 1, got \(shardTotal)") }
        }
    }

    /// The shard this job runs: as given, or read from the CI engine's variables for `auto`.
    private func resolvedShard() throws -> Shard? {
        guard let shard else { return nil }
        guard shard == "auto" else { return Shard(parsing: shard) }
        do {
            let found = try ShardEnvironment(environment: ProcessInfo.processInfo.environment, total: shardTotal).resolve()
            Console.error("modegate: shard \(found.shard) from \(found.engine.name) (\(found.evidence))")
            return found.shard
        } catch let problem as ShardEnvironment.Problem {
            throw InputError("error: \(problem.description)")
        }
    }

    func run() async throws {
        let workspace = Workspace()
        do {
            let shard = try resolvedShard()
            let trace = dryRun ? nil : try tracing.exporter(workspace)
            let setup = try invocation.setup(gate: gate, workspace: workspace, settings: { plan in
                var settings = GateInvocation.Settings(
                    shard: shard, resume: resume,
                    progress: TerminalProgress(interactive: Console.stderrIsTerminal) { [gate] in "modegate run \(gate) --resume \($0)" },
                    replay: replay, allowStaleBaseline: allowStaleBaseline, trace: trace)
                if let reference = baseline ?? plan.baseline.reuse {
                    let reused = try Self.reusedBaseline(reference, plan: plan, workspace: workspace)
                    settings.reuse[.baseline] = reused
                    Console.error("modegate: reusing the stored baseline \(reused.id); only the candidate is played")
                }
                return settings
            })
            let runner = setup.runner
            // The sandbox's workers are stopped however the run leaves: verdict, error, signal.
            try await setup.closing { try await play(runner, workspace: workspace) }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

extension RunCommand {

    /// The run after its set-up: the dry run, or the estimate, both arms, the reports and the
    /// verdict's exit code (thrown).
    private func play(_ runner: GateRunner, workspace: Workspace) async throws {
        let plan = runner.plan
        if dryRun {
            try await printDryRun(runner)
            throw ExitCode.success
        }
        if replay == nil, resume == nil, plan.models.contains(where: \.provider.isLive) {
            // A live model costs money: say how much before the first request, once the
            // model's set-up is known to be sound.
            _ = try runner.describeModel()
            Console.error("modegate: estimating the run (the scripted model rehearses the workload)…")
            do {
                let estimate = try await SignalWatch.shared.cancellingOnSignal(stopping: "stopping the estimate") {
                    try await runner.estimate()
                }
                for line in estimate.lines { Console.error("modegate: estimate: \(line)") }
            } catch is CancellationError {
                throw ExitCode(ExitStatus.runError.rawValue)
            } catch {
                Console.error("modegate: no estimate: \(error)")
            }
        }
        let trace = runner.invocation.settings.trace
        let outcome: GateRunner.Outcome
        do {
            outcome = try await SignalWatch.shared.cancellingOnSignal { try await runner.run() }
        } catch {
            // An interrupted or failed run still sends the trials it recorded.
            await TraceOptions.finish(trace, workspace, stopped: true)
            throw error
        }
        var interrupted = outcome.stoppedEarly != nil
        if case .requested = outcome.stoppedEarly { interrupted = false }
        await TraceOptions.finish(trace, workspace, stopped: interrupted)
        if case .requested(let why) = outcome.stoppedEarly {
            Console.error("modegate: \(why); the rest of the workload was not played")
        } else if let stopped = outcome.stoppedEarly {
            Console.error("modegate: stopped early (\(stopped)); finish with `modegate run \(gate) --resume \(outcome.candidate.id)`")
        }
        Console.error("modegate: baseline \(outcome.baseline.id), candidate \(outcome.candidate.id)")
        let context = ReportContext.current(workspace)
        try ReportWriter(workspace: workspace, context: context).write(outcome.verdict, to: reports.requests(over: plan.reports))
        if outcome.verdict.status == .error, let message = outcome.verdict.errorMessage {
            Console.error("modegate: error: \(message)")
        }
        throw ExitCode(outcome.verdict.exitStatus.rawValue)
    }
    /// The stored run `reference` names, if it can stand in for the gate's baseline: a finished
    /// modegate run of the baseline's strategy. Its provenance is checked by the runner.
    static func reusedBaseline(_ reference: String, plan: GatePlan, workspace: Workspace) throws -> StoredRun {
        let store = workspace.store
        let run = try store.open(try store.resolve(try RunReference(parsing: reference), workingDirectory: workspace.directory))
        guard run.source == .native else {
            throw InputError("\(reference): error: an imported RLM Code summary cannot be reused as a baseline (it keeps no provenance); reuse a modegate run")
        }
        guard run.isFinished, !run.cancelled else {
            throw InputError("\(reference): error: the run \(run.id) did not finish; finish it with --resume, or reuse a finished run")
        }
        guard run.strategy == plan.baseline.strategy else {
            throw InputError("\(reference): error: the run \(run.id) played \(run.strategy?.rawValue ?? "an unknown strategy"), but the gate's baseline is \(plan.baseline.strategy.rawValue)")
        }
        return run
    }

    /// `--dry-run`: the plan as it resolves, the model's set-up and the estimate, on stdout.
    func printDryRun(_ runner: GateRunner) async throws {
        let plan = runner.plan
        // The presets first, so a gate that `run` would reject prints no plan (exit 3).
        _ = try PresetResolution(planner: runner.planner).presets(for: plan)
        Console.out("gate: \(gate) (\(plan.name))")
        Console.out("workload: \(plan.workload.presets.joined(separator: ", ")); \(plan.workload.repetitions) repetitions, "
            + "limit \(plan.workload.limit == 0 ? "none" : String(plan.workload.limit)), concurrency \(runner.invocation.concurrency)")
        Console.out("baseline: \(plan.baseline.strategy.rawValue), max_steps \(plan.baseline.maxSteps)")
        Console.out("candidate: \(plan.candidate.strategy.rawValue)\(plan.candidate.strategy == .codemode ? " (\(plan.candidate.runtime.rawValue))" : ""), max_steps \(plan.candidate.maxSteps)")
        let estimate = try await SignalWatch.shared.cancellingOnSignal(stopping: "stopping the estimate") {
            try await runner.estimate()
        }
        for line in estimate.lines { Console.out("estimate: \(line)") }
        // Last, so a set-up problem (an unset key) is the error the command exits with.
        Console.out("model: \(try runner.describeModel())")
        Console.error("modegate: dry run: no model was called")
    }
}
