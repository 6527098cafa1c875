import ArgumentParser
import Foundation
import ModegateCore

/// `modegate show REF`: one run's summary as JSON (`summary.json`, computed for an interrupted
/// run; the original document for an RLM Code summary).
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one run's summary.")

    @Argument(help: "latest, previous, latest:STRATEGY, a run id or prefix, or a path.")
    var reference: String = "latest"

    func run() throws {
        let workspace = Workspace()
        do {
            let store = workspace.store
            let entry = try store.resolve(try RunReference(parsing: reference), workingDirectory: workspace.directory)
            Console.out(try store.summaryDocument(entry))
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
