import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateReports

/// `modegate bench`: run one arm on presets and store it (`--preset P --strategy S`, or RLM Code's
/// `preset=P mode=harness strategy=S`), or RLM Code's `bench compare|validate key=value…`, judged
/// in point mode on RLM Code's four gates. Unlike RLM Code, `validate`'s exit code is the verdict.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Run one arm on presets, or compare/validate two runs in RLM Code's spelling.",
        discussion: """
            Run: modegate bench --preset P[,P2] --strategy tool_call|codemode [--gate G] [--repetitions N] [--limit N]
                 (or RLM Code's words: preset=P mode=harness strategy=S)
            Judge: modegate bench compare|validate candidate=… baseline=… [--json]
              keys: candidate= baseline= min_reward_delta= min_completion_delta= max_steps_increase=
              fail_on_completion_regression=on|off (also mode= confidence= bootstrap_resamples= seed=).
              Without thresholds: 0.00, 0.00, 0.50, on. Judged in point mode unless mode= says otherwise.
            """)

    @Argument(help: "compare or validate, then key=value words and up to two run references.")
    var words: [String] = []

    @Flag(help: "Print JSON (RLM Code's payload for compare/validate; the run summary for a run).")
    var json = false

    @Option(help: "Presets to run, comma-separated.")
    var preset: String?

    @Option(help: "The strategy to run: tool_call or codemode.")
    var strategy: String?

    @Option(help: "Take model, limits and budget from this gate file.")
    var gate: String?

    @Option(help: "Trials per case.")
    var repetitions: Int?

    @Option(help: "Cases per preset (0 = all).")
    var limit: Int?

    @OptionGroup var invocation: InvocationOptions

    enum Action: String { case compare, validate }

    var action: Action? { words.first.flatMap { Action(rawValue: $0.lowercased()) } }

    func validate() throws {
        guard action != nil else {
            _ = try runRequest()
            return
        }
        do {
            _ = try RLMBenchArguments(words: Array(words.dropFirst()))
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        guard let action else { return try await runArm() }
        let workspace = Workspace()
        do {
            var arguments = try RLMBenchArguments(words: Array(words.dropFirst()))
            arguments.json = arguments.json || json
            let settings = arguments.overrides.applied(
                to: JudgementSettings(mode: .point, confidence: 0.95, bootstrapResamples: 5000, seed: 42))
            let comparison = Comparison(
                candidate: try RunReference(parsing: arguments.candidate),
                baseline: try RunReference(parsing: arguments.baseline),
                thresholds: arguments.overrides.applied(to: .rlmDefaults), settings: settings, gateSet: .rlm)
            let verdict = try comparison.run(store: workspace.store, workingDirectory: workspace.directory)
            if verdict.status == .error {
                Console.error("modegate: error: \(verdict.errorMessage ?? "the runs cannot be judged")")
                throw ExitCode(verdict.exitStatus.rawValue)
            }
            if arguments.json {
                Console.out(RLMValidationRenderer(command: "rlm_bench_\(action.rawValue)").render(verdict))
            } else {
                Console.out(TextRenderer().render(verdict, context: .current(workspace)))
            }
            if action == .validate { throw ExitCode(verdict.exitStatus.rawValue) }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

extension BenchCommand {
    struct RunRequest {
        var presets: [String]
        var strategy: Strategy
        var repetitions: Int?
        var limit: Int?
        /// RLM Code's `mcp=on`: the tools are reached over MCP.
        var mcp = false
        /// RLM Code's `mcp_server=NAME`.
        var mcpServer: String?
    }

    /// The run this invocation asks for, from flags or RLM Code's words.
    func runRequest() throws -> RunRequest {
        let spelled: RLMBenchRunArguments
        do {
            spelled = try RLMBenchRunArguments(words: words)
        } catch {
            throw ValidationError(error.description)
        }
        let presets = (preset.map { $0.split(separator: ",").map(String.init) } ?? []) + spelled.presets
        guard !presets.isEmpty else {
            throw ValidationError("give presets with --preset P (or preset=P), or use `bench compare|validate`")
        }
        let name = strategy ?? spelled.strategy ?? "tool_call"
        guard let chosen = Strategy(rawValue: name) else { throw ValidationError("--strategy must be tool_call or codemode, got '\(name)'") }
        try GateKeyOverride(flag: "--repetitions", key: "workload.repetitions").check(repetitions ?? spelled.repetitions)
        try GateKeyOverride(flag: "--limit", key: "workload.limit").check(limit ?? spelled.limit)
        return RunRequest(
            presets: presets, strategy: chosen, repetitions: repetitions ?? spelled.repetitions, limit: limit ?? spelled.limit,
            mcp: spelled.mcp, mcpServer: spelled.mcpServer)
    }

    func runArm() async throws {
        let workspace = Workspace()
        do {
            let request = try runRequest()
            let setup = try invocation.setup(
                gate: gate, workspace: workspace,
                overrides: { plan in try Self.overrides(request, plan: plan) },
                settings: { _ in GateInvocation.Settings(progress: TerminalProgress(interactive: Console.stderrIsTerminal)) })
            let runner = setup.runner
            let (run, stopped) = try await setup.closing {
                try await SignalWatch.shared.cancellingOnSignal { try await runner.bench(strategy: request.strategy) }
            }
            let entry = try workspace.store.resolve(.named(run.path), workingDirectory: workspace.directory)
            if json {
                Console.out(try workspace.store.summaryDocument(entry))
            } else {
                let metrics = run.summary
                Console.out(String(
                    format: "%@  %@  cases %d  completed %d (%.1f%%)  avg reward %.3f  avg steps %.2f",
                    run.id, request.strategy.rawValue, metrics.totalCases, metrics.completedCases,
                    metrics.completionRate * 100, metrics.avgReward, metrics.avgSteps))
            }
            if let stopped {
                Console.error("modegate: stopped early (\(stopped)); the finished trials are kept in run \(run.id)")
                throw ExitCode(ExitStatus.runError.rawValue)
            }
        } catch {
            throw Failure.exit(for: error)
        }
    }

    /// The gate keys a bench run changes: its presets, repetitions and limit, and RLM Code's
    /// `mcp=on`: the built-in suites' tools are served over MCP (`modegate serve`, one process per
    /// trial, as `tools.transport: mcp_stdio`). With `mcp_server=NAME` and code mode, a server of
    /// the gate named NAME runs the programs (`candidate.runtime: mcp`); RLM Code's default name
    /// `codemode` without such a server means the built-in sandbox.
    static func overrides(_ request: RunRequest, plan: GatePlan) throws -> GateOverrides {
        var overrides = GateOverrides(presets: request.presets, repetitions: request.repetitions, limit: request.limit)
        guard request.mcp else { return overrides }
        overrides.toolsOverMCP = true
        guard let server = request.mcpServer else { return overrides }
        if plan.mcp.servers[server] != nil {
            if request.strategy == .codemode { overrides.candidateServer = server }
        } else if server != "codemode" {
            let known = plan.mcp.servers.keys.sorted()
            throw InputError(
                "mcp_server=\(server) names no server of the gate's mcp.servers"
                    + (known.isEmpty ? " (give --gate with a gate that defines it)" : " (it defines \(known.joined(separator: ", ")))"))
        }
        return overrides
    }
}
