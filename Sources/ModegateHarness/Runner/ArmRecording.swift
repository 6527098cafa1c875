import Foundation
import ModegateCore
import Synchronization

/// Stage 4 of a run: where one arm's trials go as they finish — the store (`ArmRecorder`), or
/// memory for a rehearsal (`RehearsalRecorder`). The scheduler only sees this.
protocol ArmRecording: Sendable {
    var arm: ArmSettings { get }
    /// The run's id (transcripts and progress name it).
    var runID: String { get }
    /// The run's folder, where a stdio MCP server's stderr is kept; nil in memory.
    var logFolder: URL? { get }
    /// Trials the arm plans, finished or not.
    var planned: Int { get }
    /// Every trial recorded so far, including those of an earlier, resumed attempt.
    var trials: [TrialRecord] { get }
    /// Appends one trial; returns how many are done.
    func record(_ played: PlayedTrial) throws -> Int
    /// Ends the run; a run that stopped early says why. `notes` go into its summary.
    func finish(at date: Date, stoppedBy reason: StopReason?, notes: ArmNotes) throws
}

extension ArmRecording {
    /// The trials already played, which a resumed run skips.
    var finishedKeys: Set<PairKey> { Set(trials.map(\.pairKey)) }
}
