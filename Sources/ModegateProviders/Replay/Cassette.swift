import Foundation
import ModegateCore

/// Recorded transcripts, by trial, for the `replay` provider. A trial is found by strategy,
/// preset, case and repetition, preferring a recording of the same arm; when a trial was
/// recorded twice (a resumed run plays interrupted trials again) the later line wins.
public struct Cassette: Sendable {
    private struct TrialKey: Hashable {
        var strategy: Strategy
        var preset: String
        var caseID: String
        var repetition: Int
    }

    private var recordings: [TrialKey: [ArmRole: TrialTranscript]] = [:]
    /// The files read, for error messages.
    let sources: [URL]
    /// The format every recording is written in.
    let format: String
    /// The model every recording talked to.
    let model: String

    /// Reads every transcript file; with `model`, only the recordings of that model (a gate
    /// whose arms played different models replays each arm from its own model's). Throws
    /// `StoreError` for unreadable or malformed files and `ProviderSetupError` for a cassette
    /// that is empty, lacks `model`, or mixes formats or (without `model`) models.
    init(files: [URL], model wanted: String? = nil) throws {
        sources = files
        var formats = Set<String>()
        var models = Set<String>()
        var recorded = Set<String>()
        for file in files {
            for transcript in try TranscriptFile.read(file) {
                recorded.insert(transcript.model)
                if let wanted, transcript.model != wanted { continue }
                let key = TrialKey(strategy: transcript.strategy, preset: transcript.preset, caseID: transcript.caseID, repetition: transcript.repetition)
                recordings[key, default: [:]][transcript.arm] = transcript
                formats.insert(transcript.format)
                models.insert(transcript.model)
            }
        }
        let place = files.map(\.path).joined(separator: ", ")
        guard let format = formats.first, let model = models.first else {
            if let wanted, let other = recorded.sorted().first {
                throw ProviderSetupError(
                    "replay: the cassette was recorded with model '\(other)', but model.name is '\(wanted)'; set model.name to the recorded model or record again")
            }
            throw ProviderSetupError("replay: no recorded trials in \(place)")
        }
        guard formats.count == 1, models.count == 1 else {
            throw ProviderSetupError(
                "replay: \(place) mixes recordings of \(formats.count > 1 ? "formats " + formats.sorted().joined(separator: ", ") : "models " + models.sorted().joined(separator: ", ")); replay one run's transcripts")
        }
        self.format = format
        self.model = model
    }

    func recording(arm: ArmRole, strategy: Strategy, preset: String, caseID: String, repetition: Int) -> TrialTranscript? {
        let arms = recordings[TrialKey(strategy: strategy, preset: preset, caseID: caseID, repetition: repetition)]
        return arms?[arm] ?? arms?.values.sorted { $0.arm.rawValue < $1.arm.rawValue }.first
    }

    /// The transcript files a `cassette:` path names: a `transcripts.jsonl` (or any `.jsonl`), a
    /// run folder, or a folder of run folders or `.jsonl` files.
    public static func files(at path: String, relativeTo directory: URL) throws -> [URL] {
        let url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        let files = FileManager.default
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: url.path, isDirectory: &isFolder) else {
            throw StoreError.unreadable(path: url.path, reason: "model.cassette names no file or folder here")
        }
        guard isFolder.boolValue else { return [url] }
        let own = url.appendingPathComponent("transcripts.jsonl")
        if files.fileExists(atPath: own.path) { return [own] }
        let entries = ((try? files.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
        let found = entries.compactMap { entry -> URL? in
            let child = url.appendingPathComponent(entry)
            if entry.hasSuffix(".jsonl") { return child }
            let nested = child.appendingPathComponent("transcripts.jsonl")
            return files.fileExists(atPath: nested.path) ? nested : nil
        }
        guard !found.isEmpty else {
            throw StoreError.unreadable(path: url.path, reason: "no transcripts.jsonl in this folder or its run folders")
        }
        return found
    }
}
