import Foundation
import ModegateCore

/// `provider: replay`: answers every request with the answer recorded for it in a cassette, with
/// no network, so a recorded run can be re-run and re-judged anywhere, without keys. Matching is
/// strict: request N of a trial must carry the same conversation (model, messages, tools) as
/// request N of its recording. A request that does not is a miss: the trial gets a provider
/// error, and the run ends with a run error naming the first difference.
public struct ReplayProvider: ModelProvider, RecordingCoverage {
    let cassette: Cassette
    let codec: any TranscriptCodec.Type
    private let misses = ReplayMisses()

    /// The replay of the transcripts in `files` (see `Cassette.files(at:relativeTo:)`). Throws
    /// `ProviderSetupError` when the cassette's format is unknown or the gate names another model
    /// than the recording's.
    public init(files: [URL], gateModel: String?) throws {
        try self.init(cassette: Cassette(files: files, model: gateModel), gateModel: gateModel)
    }

    init(cassette: Cassette, gateModel: String?) throws {
        guard let codec = RecordedUsage.codec(named: cassette.format) else {
            throw ProviderSetupError("replay: the cassette is written in format '\(cassette.format)', which this version cannot read")
        }
        if let gateModel, gateModel != cassette.model {
            throw ProviderSetupError(
                "replay: the cassette was recorded with model '\(cassette.model)', but model.name is '\(gateModel)'; set model.name to the recorded model or record again")
        }
        self.cassette = cassette
        self.codec = codec
    }

    /// The model the recording talked to.
    public var modelName: String { cassette.model }
    /// The recording's format, so a replayed run's transcripts are a cassette again.
    public var transcriptFormat: String { cassette.format }
    /// The cassette's files, for `run --dry-run`.
    public var endpointDescription: String? { "the recording in " + cassette.sources.map(\.path).joined(separator: ", ") }

    /// A session that plays this trial's recording, the same arm's when there is one.
    public func session(for trial: TrialContext) -> any ModelSession {
        let recording = cassette.recording(
            arm: trial.arm, strategy: trial.strategy, preset: trial.preset, caseID: trial.testCase.id, repetition: trial.repetition)
        return ReplaySession(
            trial: "\(trial.arm) \(trial.preset)/\(trial.testCase.id) repetition \(trial.repetition)",
            recording: recording, codec: codec, misses: misses)
    }

    /// Whether the cassette holds this trial (strategy, preset, case, repetition), recorded by
    /// either arm.
    public func hasRecording(arm: ArmRole, strategy: Strategy, preset: String, caseID: String, repetition: Int) -> Bool {
        cassette.recording(arm: arm, strategy: strategy, preset: preset, caseID: caseID, repetition: repetition) != nil
    }

    /// Every miss of the run so far, in the order they happened.
    public var missedRequests: [String] { misses.all }
}
