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
            var plan = try gate.map { try GateLoader.load(path: $0, sha256: SHA256.hex) }
                ?? GateLoader.load(yaml: "version: 1\nworkload: {presets: [bench]}\n", path: "<bench>")
            plan.workload.presets = request.presets
            if let repetitions = request.repetitions { plan.workload.repetitions = repetitions }
            if let limit = request.limit { plan.workload.limit = limit }
            if request.mcp { try Self.reachToolsOverMCP(&plan, server: request.mcpServer, strategy: request.strategy) }
            let setup = GateSetup(workspace: workspace, plan: plan, gate: gate, warmWorkers: plan.workload.concurrency)
            let runner = setup.runner
            let options = GateRunner.Options(progress: TerminalProgress(interactive: Console.stderrIsTerminal))
            let (run, stopped) = try await SignalWatch.shared.cancellingOnSignal {
                try await runner.bench(strategy: request.strategy, options: options)
            }
            await setup.shutdown()
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

    /// RLM Code's `mcp=on`: the built-in suites' tools are served over MCP (`modegate serve`, one
    /// process per trial, as `tools.transport: mcp_stdio`). With `mcp_server=NAME` and code mode,
    /// a server of the gate named NAME runs the programs (`candidate.runtime: mcp`); RLM Code's
    /// default name `codemode` without such a server means the built-in sandbox.
    static func reachToolsOverMCP(_ plan: inout GatePlan, server: String?, strategy: Strategy) throws {
        plan.tools.transport = .mcpStdio
        guard let server else { return }
        if plan.mcp.servers[server] != nil {
            guard strategy == .codemode else { return }
            plan.mcp.enabled = true
            plan.candidate.runtime = .mcp
            plan.candidate.mcpServer = server
        } else if server != "codemode" {
            let known = plan.mcp.servers.keys.sorted()
            throw InputError(
                "mcp_server=\(server) names no server of the gate's mcp.servers"
                    + (known.isEmpty ? " (give --gate with a gate that defines it)" : " (it defines \(known.joined(separator: ", ")))"))
        }
    }
}
