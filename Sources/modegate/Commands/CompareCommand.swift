import ArgumentParser
import ModegateCore
import ModegateReports

/// `modegate compare`: judge two stored runs and show the evidence. Informational: exits 0 for
/// any verdict it could reach; use `validate` when the exit code must be the verdict.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare", abstract: "Compare a candidate run with a baseline run.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

    @OptionGroup var judge: JudgeOptions
    @OptionGroup var reports: ReportOptions

    @Option(help: "Output format on stdout: text, json or markdown.")
    var format: Format = .text

    func run() throws {
        let workspace = Workspace()
        do {
            let verdict = try judge.comparison().run(store: workspace.store, workingDirectory: workspace.directory)
            let context = ReportContext.current(workspace)
            let primary: ReportFormat = format == .text ? .text : (format == .json ? .json : .markdown)
            try ReportWriter(workspace: workspace, context: context)
                .write(verdict, to: reports.requests(over: [ReportRequest(format: primary, path: nil)]))
            if verdict.status == .error { throw ExitCode(verdict.exitStatus.rawValue) }
        } catch {
            throw Failure.exit(for: error)
        }
    }
}

extension ReportContext {
    /// The context of this process: version, the (injectable) clock, colour on a terminal.
    static func current(_ workspace: Workspace, owner: String? = nil) -> ReportContext {
        ReportContext(
            toolVersion: Modegate.version, generatedAt: workspace.now, owner: owner,
            colour: Console.stdoutIsTerminal && workspace.environment["NO_COLOR"] == nil)
    }
}
