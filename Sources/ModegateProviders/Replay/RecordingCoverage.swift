import ModegateCore

/// A model that answers from recordings (`replay`): the runner asks it, before the first trial,
/// whether every planned trial has a recording, and after the last, which requests matched none.
public protocol RecordingCoverage: Sendable {
    /// Whether a recording answers this trial.
    func hasRecording(arm: ArmRole, strategy: Strategy, preset: String, caseID: String, repetition: Int) -> Bool
    /// Requests that matched no recording so far, in the order they happened.
    var missedRequests: [String] { get }
}
