/// A run made from another tool's records (`modegate import`), complete before anything is
/// written: `RunStore.add` stores it whole or not at all.
public struct ImportedRun: Sendable {
    public var manifest: RunManifest
    /// Its trials, in pair-key order, each with its transcript.
    public var trials: [TrialRecord]
    public var transcripts: [TrialTranscript]
    public var summary: RunSummary
    /// What the user should know that did not stop the import (tokens not reported, spans left out).
    public var notes: [String]

    public init(manifest: RunManifest, trials: [TrialRecord], transcripts: [TrialTranscript], summary: RunSummary, notes: [String] = []) {
        self.manifest = manifest
        self.trials = trials
        self.transcripts = transcripts
        self.summary = summary
        self.notes = notes
    }
}
