import Foundation

/// Whole-file writes that a crash can never leave half-written: write a sibling temporary file,
/// then rename it over the target (rename is atomic within a file system).
public enum AtomicFile {
    /// Replaces (or creates) the file at `url` with `data`, creating its folder; throws `StoreError`.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try data.write(to: temporary)
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw StoreError.unreadable(path: url.path, reason: "could not replace file: \(reason)")
        }
    }
}
