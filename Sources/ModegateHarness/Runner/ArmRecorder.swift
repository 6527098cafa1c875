import Foundation
import ModegateCore
import Synchronization

/// One arm's run in the store while it is being played: its writer, every trial recorded so far
/// (including those of an earlier, resumed attempt), and what is still to do.
final class ArmRecorder: ArmRecording {
    let arm: ArmSettings
    let writer: RunWriter
    let planned: Int
    /// Keeps the run's secrets out of its transcripts.
    let redactor: SecretRedactor
    /// Where each recorded trial's spans go (`--trace`).
    let trace: (any TraceExporter)?
    private let recorded: Mutex<[TrialRecord]>

    init(arm: ArmSettings, writer: RunWriter, previous: [TrialRecord], planned: Int, redactor: SecretRedactor = .none,
         trace: (any TraceExporter)? = nil) {
        self.arm = arm
        self.trace = trace
        self.writer = writer
        self.recorded = Mutex(previous)
        self.planned = planned
        self.redactor = redactor
    }

    var runID: String { writer.manifest.runID }

    var logFolder: URL? { writer.folder }

    var trials: [TrialRecord] { recorded.withLock { $0 } }

    /// Appends and flushes one trial and its transcript, then hands its spans to the trace;
    /// returns how many are done.
    func record(_ played: PlayedTrial) throws -> Int {
        try writer.append(played.record, transcript: played.transcript, redactor: redactor)
        if let trace {
            var ids = TraceIdentifiers(SystemRandomNumberGenerator())
            trace.export(TrialSpanBuilder(redactor: redactor).spans(for: played, ids: &ids))
        }
        return recorded.withLock {
            $0.append(played.record)
            return $0.count
        }
    }

    /// Writes the summary; a run that stopped early is marked cancelled and says why, unless
    /// its batch review stopped it because the question was answered (sequential judging).
    func finish(at date: Date, stoppedBy reason: StopReason?, notes: ArmNotes) throws {
        var manifest = writer.manifest
        manifest.finishedAt = date
        var decided: String?
        if case .requested(let why) = reason { decided = why }
        let cancelled = reason != nil && decided == nil
        let summary = RunSummary.summarizing(
            trials, manifest: manifest, mcpEnabled: notes.mcpEnabled, mcpServer: notes.mcpServer, cancelled: cancelled,
            cancelReason: cancelled ? reason?.description : nil,
            toolAPI: notes.toolAPI, toolWarnings: notes.toolWarnings, stoppedEarly: decided,
            provenance: notes.provenance)
        try writer.finish(summary: summary, at: date)
    }
}
