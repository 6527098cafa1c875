import Foundation
import Synchronization

/// Writes one run as it happens: the manifest first, each trial appended to `results.jsonl` (its
/// model conversation to `transcripts.jsonl` just before) and flushed to the file as it finishes
/// (so a crash keeps every finished trial), the summary last and atomically.
public final class RunWriter: Sendable {
    /// What changes while the run goes on, and the files it goes to: one writer at a time, so
    /// a trial's two lines are never interleaved with another trial's.
    private struct State {
        var manifest: RunManifest
        let results: FileHandle
        let transcripts: FileHandle
    }

    /// The run folder written to.
    public let folder: URL
    private let state: Mutex<State>
    private let encoder = StableJSON.encoder(pretty: false)

    init(folder: URL, manifest: RunManifest, resuming: Bool = false) throws {
        // A torn last line from an interrupted write would corrupt the next line appended after it.
        if resuming {
            try Self.trimTornLine(folder.appendingPathComponent("results.jsonl"))
            try Self.trimTornLine(folder.appendingPathComponent("transcripts.jsonl"))
        }
        self.folder = folder
        let files = FileManager.default
        let results = folder.appendingPathComponent("results.jsonl")
        if !resuming, files.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) {
            throw StoreError.alreadyExists(path: folder.path)
        }
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFile.write(try StableJSON.data(manifest), to: folder.appendingPathComponent("manifest.json"))
        let handle = try Self.appending(to: results)
        let transcripts = try Self.appending(to: folder.appendingPathComponent("transcripts.jsonl"))
        state = Mutex(State(manifest: manifest, results: handle, transcripts: transcripts))
    }

    deinit {
        state.withLock { state in
            try? state.results.close()
            try? state.transcripts.close()
        }
    }

    /// The run's manifest as written: `finishedAt` is set once `finish` has run.
    public var manifest: RunManifest { state.withLock { $0.manifest } }

    private static func appending(to url: URL) throws -> FileHandle {
        if !FileManager.default.fileExists(atPath: url.path) {
            _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        }
        do {
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            return handle
        } catch {
            throw StoreError.unreadable(path: url.path, reason: error.localizedDescription)
        }
    }

    private static func trimTornLine(_ url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path), let last = data.last, last != UInt8(ascii: "\n")
        else { return }
        let keep = data.lastIndex(of: UInt8(ascii: "\n")).map { data.startIndex..<($0 + 1) } ?? data.startIndex..<data.startIndex
        try AtomicFile.write(data.subdata(in: keep), to: url)
    }

    /// Appends one trial as one line. The write goes straight to the file descriptor (FileHandle
    /// does not buffer), so the line survives the process being killed right after.
    /// The transcript, when given, goes first, so a trial on record always has its conversation
    /// on record. Both lines go through `redactor`: a model may echo a secret into its answer.
    public func append(_ trial: TrialRecord, transcript: TrialTranscript? = nil, redactor: SecretRedactor = .none) throws {
        let line = try self.line(trial, redactor)
        let conversation = try transcript.map { try self.line($0, redactor) }
        try state.withLock { state in
            if let conversation { try state.transcripts.write(contentsOf: conversation) }
            try state.results.write(contentsOf: line)
        }
    }

    private func line<Value: Encodable>(_ value: Value, _ redactor: SecretRedactor) throws -> Data {
        var data = try encoder.encode(value)
        if !redactor.isEmpty { data = Data(redactor.redact(String(decoding: data, as: UTF8.self)).utf8) }
        data.append(UInt8(ascii: "\n"))
        return data
    }

    /// Writes `summary.json` and stamps the manifest's finish time, both atomically.
    public func finish(summary: RunSummary, at date: Date) throws {
        try state.withLock { state in
            try state.results.synchronize()
            try state.transcripts.synchronize()
            state.manifest.finishedAt = date
            try AtomicFile.write(try StableJSON.data(state.manifest), to: folder.appendingPathComponent("manifest.json"))
            try AtomicFile.write(try StableJSON.data(summary), to: folder.appendingPathComponent("summary.json"))
        }
    }
}
