import Foundation
import ModegateCore
import ModegateReports

/// Reads what the HTML report shows besides the verdict from the two runs the verdict names
/// (`verdict.candidate.path`, `verdict.baseline.path`): every paired case through
/// `ExplanationBuilder`, then the conversations of the cases `TranscriptSelection` embeds, reading
/// only those lines of `transcripts.jsonl`. The page is still written when the runs cannot be read:
/// it says why it has no per-case evidence.
struct ReportEvidenceLoader {
    let workspace: Workspace
    var limit = TranscriptSelection.defaultLimit

    func evidence(for verdict: Verdict) -> ReportEvidence {
        guard verdict.status != .error else { return .unavailable("the verdict is an error") }
        guard verdict.candidate.source == .native, verdict.baseline.source == .native else {
            return .unavailable("an imported RLM Code summary keeps no per-case answers or transcripts")
        }
        do {
            let (candidate, baseline) = try workspace.store.resolvePair(
                candidate: .named(verdict.candidate.path), baseline: .named(verdict.baseline.path),
                workingDirectory: workspace.directory)
            let cases = try ExplanationBuilder(candidate: candidate, baseline: baseline, workingDirectory: workspace.directory).cases
            let selection = TranscriptSelection(cases, limit: limit)
            return ReportEvidence(cases: cases, selection: selection, conversations: try conversations(selection.transcripts(of: cases)))
        } catch {
            Console.error("html report: no per-case evidence: \(error)")
            return .unavailable("the runs could not be read (\(error))")
        }
    }

    /// The conversations on the given lines, each file read once.
    private func conversations(_ locations: [TranscriptLocation]) throws -> [TranscriptLocation: Conversation] {
        var found: [TranscriptLocation: Conversation] = [:]
        for (path, group) in Dictionary(grouping: locations, by: \.path) {
            let url = URL(fileURLWithPath: path, relativeTo: workspace.directory)
            for (line, transcript) in try TranscriptFile.read(url, lines: Set(group.map(\.line))) {
                found[TranscriptLocation(path: path, line: line)] = Conversation(transcript)
            }
        }
        return found
    }
}
