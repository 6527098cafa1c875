import Foundation
import ModegateCore

/// One arm's run while it is being played: its writer, every trial recorded so far (including
/// those of an earlier, resumed attempt), and what is still to do.
final class ArmRecorder: @unchecked Sendable {
    let settings: ArmSettings
    let writer: RunWriter
    private let lock = NSLock()
    private var trials: [TrialRecord]
    let planned: Int
    /// Keeps the run's secrets out of its transcripts.
    let redactor: SecretRedactor

    init(settings: ArmSettings, writer: RunWriter, previous: [TrialRecord], planned: Int, redactor: SecretRedactor = .none) {
        self.redactor = redactor
        self.settings = settings
        self.writer = writer
        self.trials = previous
        self.planned = planned
    }

    var runID: String { writer.manifest.runID }

    var finishedKeys: Set<PairKey> {
        lock.lock()
        defer { lock.unlock() }
        return Set(trials.map(\.pairKey))
    }

    var done: Int {
        lock.lock()
        defer { lock.unlock() }
        return trials.count
    }

    /// Appends and flushes one trial and its transcript; returns how many are done.
    func record(_ played: PlayedTrial) throws -> Int {
        try writer.append(played.record, transcript: played.transcript, redactor: redactor)
        lock.lock()
        defer { lock.unlock() }
        trials.append(played.record)
        return trials.count
    }

    /// Writes the summary; a cancelled run says why.
    func finish(at date: Date, cancelReason: String?) throws {
        lock.lock()
        let all = trials
        lock.unlock()
        var manifest = writer.manifest
        manifest.finishedAt = date
        let summary = RunSummary.summarizing(
            all, manifest: manifest, cancelled: cancelReason != nil, cancelReason: cancelReason)
        try writer.finish(summary: summary, at: date)
    }
}
