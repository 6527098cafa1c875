import Foundation

/// Writes one run as it happens: the manifest first, each trial appended to `results.jsonl` and
/// flushed to the file as it finishes (so a crash keeps every finished trial), the summary last
/// and atomically.
public final class RunWriter: @unchecked Sendable {
    public let folder: URL
    public private(set) var manifest: RunManifest
    private let handle: FileHandle
    private let lock = NSLock()
    private let encoder = StableJSON.encoder(pretty: false)

    init(folder: URL, manifest: RunManifest, resuming: Bool = false) throws {
        // A torn last line from an interrupted write would corrupt the next line appended after it.
        if resuming { try Self.trimTornLine(folder.appendingPathComponent("results.jsonl")) }
        self.folder = folder
        self.manifest = manifest
        let files = FileManager.default
        let results = folder.appendingPathComponent("results.jsonl")
        if !resuming, files.fileExists(atPath: folder.appendingPathComponent("manifest.json").path) {
            throw StoreError.alreadyExists(path: folder.path)
        }
        try files.createDirectory(at: folder, withIntermediateDirectories: true)
        try AtomicFile.write(try StableJSON.data(manifest), to: folder.appendingPathComponent("manifest.json"))
        if !files.fileExists(atPath: results.path) {
            _ = files.createFile(atPath: results.path, contents: nil)
        }
        do {
            handle = try FileHandle(forWritingTo: results)
            try handle.seekToEnd()
        } catch {
            throw StoreError.unreadable(path: results.path, reason: error.localizedDescription)
        }
    }

    deinit { try? handle.close() }

    private static func trimTornLine(_ url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path), let last = data.last, last != UInt8(ascii: "\n")
        else { return }
        let keep = data.lastIndex(of: UInt8(ascii: "\n")).map { data.startIndex..<($0 + 1) } ?? data.startIndex..<data.startIndex
        try AtomicFile.write(data.subdata(in: keep), to: url)
    }

    /// Appends one trial as one line. The write goes straight to the file descriptor (FileHandle
    /// does not buffer), so the line survives the process being killed right after.
    public func append(_ trial: TrialRecord) throws {
        var line = try encoder.encode(trial)
        line.append(UInt8(ascii: "\n"))
        lock.lock()
        defer { lock.unlock() }
        try handle.write(contentsOf: line)
    }

    /// Writes `summary.json` and stamps the manifest's finish time, both atomically.
    public func finish(summary: RunSummary, at date: Date) throws {
        lock.lock()
        defer { lock.unlock() }
        try handle.synchronize()
        manifest.finishedAt = date
        try AtomicFile.write(try StableJSON.data(manifest), to: folder.appendingPathComponent("manifest.json"))
        try AtomicFile.write(try StableJSON.data(summary), to: folder.appendingPathComponent("summary.json"))
    }
}
