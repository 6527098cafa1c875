import ArgumentParser
import ModegateCore
import ModegateReports

/// `modegate bench compare|validate key=value…`: RLM Code's spelling, accepted verbatim and judged
/// in point mode on RLM Code's four gates. Unlike RLM Code, `validate`'s process exit code is the
/// verdict.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "RLM Code's bench spelling: `bench compare|validate candidate=… baseline=… [--json]`.",
        discussion: """
            Keys: candidate= baseline= min_reward_delta= min_completion_delta= max_steps_increase=
            fail_on_completion_regression=on|off (also mode= confidence= bootstrap_resamples= seed=).
            Without thresholds: 0.00, 0.00, 0.50, on. Judged in point mode unless mode= says otherwise.
            """)

    @Argument(help: "compare or validate, then key=value words and up to two run references.")
    var words: [String] = []

    @Flag(help: "Print RLM Code's JSON payload.")
    var json = false

    enum Action: String { case compare, validate }

    var action: Action? { words.first.flatMap { Action(rawValue: $0.lowercased()) } }

    func validate() throws {
        guard action != nil else {
            throw ValidationError(
                "modegate bench needs 'compare' or 'validate' here (e.g. `modegate bench validate candidate=latest baseline=previous --json`); running presets with `bench preset=…` arrives with the harness")
        }
        do {
            _ = try RLMBenchArguments(words: Array(words.dropFirst()))
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        guard let action else { throw ExitCode(ExitStatus.usage.rawValue) }
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
