import Foundation
import ModegateCore
import Synchronization

/// A rehearsal's arm: trials kept in memory, nothing written.
final class RehearsalRecorder: ArmRecording {
    let arm: ArmSettings
    let planned: Int
    private let recorded = Mutex<[TrialRecord]>([])

    init(arm: ArmSettings, planned: Int) {
        self.arm = arm
        self.planned = planned
    }

    var runID: String { "rehearsal-\(arm.role)" }

    var logFolder: URL? { nil }

    var trials: [TrialRecord] { recorded.withLock { $0 } }

    func record(_ played: PlayedTrial) throws -> Int {
        recorded.withLock {
            $0.append(played.record)
            return $0.count
        }
    }

    func finish(at date: Date, stoppedBy reason: StopReason?, notes: ArmNotes) throws {}
}
