import Foundation
import ModegateCore

/// What the scheduler hands each trial to: `TrialRunner` in a run. The scheduler's batching,
/// order, concurrency and stops are tested with an in-process player that finishes trials
/// when the test says so, with no model, sandbox or clock behind it.
protocol TrialPlaying: Sendable {
    /// Plays one trial of the run `runID` and returns its record; never throws (a failure is
    /// the record's error).
    func play(_ spec: TrialSpec, runID: String) async -> PlayedTrial
}

extension TrialRunner: TrialPlaying {}
