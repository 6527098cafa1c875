import ArgumentParser
import ModegateCore
import ModegateReports

/// `modegate validate`: the CI gate. The exit code is the verdict.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Judge two runs; the exit code is the verdict (0 pass, 1 fail, 2 inconclusive).")

    @OptionGroup var judge: JudgeOptions
    @OptionGroup var reports: ReportOptions

    @Flag(help: "Print the verdict JSON to stdout and nothing else.")
    var json = false

    func run() throws {
        let workspace = Workspace()
        do {
            let verdict = try judge.comparison().run(store: workspace.store, workingDirectory: workspace.directory)
            let context = ReportContext.current(workspace)
            let primary = ReportRequest(format: json ? .json : .text, path: nil)
            try ReportWriter(workspace: workspace, context: context).write(verdict, to: reports.requests(over: [primary]))
            if verdict.status == .error, let message = verdict.errorMessage { Console.error("modegate: error: \(message)") }
            throw ExitCode(verdict.exitStatus.rawValue)
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
