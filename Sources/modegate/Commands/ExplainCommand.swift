import ArgumentParser
import Foundation
import ModegateCore
import ModegateReports

/// `modegate explain`: why a verdict came out as it did, case by case — the cases the candidate
/// lost and gained most on, both arms side by side, the first point where their trajectories
/// part, the transcript lines to open, and the cases whose repetitions disagree.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Show the cases a candidate lost and gained on, and why.",
        discussion: """
            For each case: both arms' answers, scores, steps and tokens per repetition; the first tool \\
            call where their trajectories differ, each arm's first failed call and first error; and \\
            the transcripts.jsonl lines to open. Cases whose repetitions of one arm disagree are listed \\
            separately as flaky. Runs default to the newest run (candidate) and the one before it.
            """)

    @Option(help: "The candidate run: latest, previous, latest:STRATEGY, an id or prefix, or a path.")
    var candidate = "latest"

    @Option(help: "The baseline run (default: the newest run finished before the candidate).")
    var baseline = "previous"

    @Option(name: .customLong("case"), help: "Explain this case (PRESET/CASE or a case id); repeatable.")
    var cases: [String] = []

    @Option(help: "Losses and gains to show (largest first).")
    var limit = 10

    @Flag(help: "Print the explanation as JSON.")
    var json = false

    func validate() throws {
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1, found \(limit)") }
    }

    func run() throws {
        let workspace = Workspace()
        do {
            let (candidateRun, baselineRun) = try workspace.store.resolvePair(
                candidate: try RunReference(parsing: candidate), baseline: try RunReference(parsing: baseline),
                workingDirectory: workspace.directory)
            let builder = try ExplanationBuilder(candidate: candidateRun, baseline: baselineRun, workingDirectory: workspace.directory)
            let explanation = try builder.explanation(limit: limit, cases: cases)
            Console.out(json ? try StableJSON.string(explanation) : ExplanationText.render(explanation))
        } catch {
            throw Failure.exit(for: error)
        }
    }
}
