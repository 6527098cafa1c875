import ArgumentParser
import Foundation
import ModegateCore
import ModegateReports

/// `modegate decision`: fills the release-decision checklist for a release owner to sign.
/// Exits with the verdict's code, like `validate`, so a held release is visible to scripts.
struct DecisionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decision", abstract: "Write the release-decision checklist (Markdown) for two runs.")

    @OptionGroup var judge: JudgeOptions

    @Option(help: "The release owner (default: $GITHUB_ACTOR, else git's user.name).")
    var owner: String?

    @Option(help: "A Mustache template to render instead of the built-in checklist.")
    var template: String?

    @Option(help: "Write the checklist to this file instead of stdout.")
    var output: String?

    func run() throws {
        let workspace = Workspace()
        do {
            let document = try loadDocument(workspace)
            let verdict = try judge.comparison().run(store: workspace.store, workingDirectory: workspace.directory)
            let context = ReportContext.current(workspace, owner: resolveOwner(workspace))
            let text = document.render(verdict, context: context)
            if let output {
                try ReportWriter.writeFile(text, to: output, relativeTo: workspace.directory)
                Console.error("modegate: wrote \(output) (decision: \(verdict.decision))")
            } else {
                Console.out(text)
            }
            throw ExitCode(verdict.exitStatus.rawValue)
        } catch {
            throw Failure.exit(for: error)
        }
    }

    private func loadDocument(_ workspace: Workspace) throws -> DecisionDocument {
        guard let template else { return .standard }
        let url = URL(fileURLWithPath: template, relativeTo: workspace.directory)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError("\(template): error: cannot read the template file")
        }
        do {
            return try DecisionDocument(template: String(decoding: data, as: UTF8.self), templateName: template)
        } catch {
            throw InputError("\(error)")
        }
    }

    private func resolveOwner(_ workspace: Workspace) -> String? {
        if let owner, !owner.isEmpty { return owner }
        if let actor = workspace.environment["GITHUB_ACTOR"], !actor.isEmpty { return actor }
        return GitUserName.read(in: workspace.directory)
    }
}
