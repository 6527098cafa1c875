import ArgumentParser
import ModegateCore

/// The `modegate` command line: decides, with evidence, whether an agent should move from tool
/// calling to Code Mode. Each subcommand builds one request, calls the libraries and maps the
/// outcome to an exit code (DESIGN §2).
@main
struct Modegate: AsyncParsableCommand {
    static let version = ModegateVersion.current

    static let configuration = CommandConfiguration(
        commandName: "modegate",
        abstract: "A promotion gate from tool calling to Code Mode for LLM agents.",
        discussion: """
            Exit codes: 0 pass · 1 fail · 2 inconclusive · 3 invalid input · 4 run error · 64 usage.
            stdout carries only the requested output; logs and progress go to stderr.
            """,
        version: version,
        subcommands: [
            RunCommand.self, CompareCommand.self, ValidateCommand.self, DecisionCommand.self, BenchCommand.self,
            RunsCommand.self, ShowCommand.self, VerifyCommand.self, ImportCommand.self, ExplainCommand.self, PlanCommand.self, SweepCommand.self, MergeCommand.self, PresetsCommand.self, CheckCommand.self, ExecCommand.self,
            ServeCommand.self,
            SandboxWorkerCommand.self,
        ]
    )
}
