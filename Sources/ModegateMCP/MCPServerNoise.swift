import Foundation
import ModegateCore
import Synchronization

/// What a stdio server wrote to stdout that is not JSON-RPC (a stray `print`, a banner): never
/// a message, so the reader skips it, and kept where a reader of the run looks — the server's
/// stderr log, marked as stdout — with the first line quoted in errors. A server printing
/// without end cannot fill the disk: after `loggedLines` lines, the rest are only counted.
final class MCPServerNoise: Sendable {
    private let path: Mutex<String?>
    private let state = Mutex<(first: String?, lines: Int)>((nil, 0))

    /// Lines written to the log before the rest are only counted.
    static let loggedLines = 1000

    init(logPath: String?) { path = Mutex(logPath) }

    /// The server's `mcp-NAME.stderr.log`, when the run keeps one.
    var logPath: String? { path.withLock { $0 } }

    /// Moves the log file to `newPath` (same file system: the server goes on writing to it).
    /// False when there is no log or it cannot be moved; it then stays where it was.
    func moveLog(to newPath: String) -> Bool {
        path.withLock { current in
            guard let old = current, old != newPath else { return false }
            guard Foundation.rename(old, newPath) == 0 else { return false }
            current = newPath
            return true
        }
    }

    /// The first line, for an error to quote.
    var first: String? { state.withLock { $0.first } }

    /// Lines seen so far.
    var lines: Int { state.withLock { $0.lines } }

    /// Keeps one line of stdout that is not JSON-RPC.
    func note(_ line: String) {
        let seen = state.withLock { state -> Int in
            if state.first == nil { state.first = line }
            state.lines += 1
            return state.lines
        }
        guard let logPath = self.logPath, seen <= Self.loggedLines else { return }
        let shown = line.count > 2000 ? String(line.prefix(2000)) + "…" : line
        var entry = "--- modegate: stdout, not JSON-RPC (skipped): \(shown)"
        if seen == Self.loggedLines { entry += "\n--- modegate: further stdout that is not JSON-RPC is skipped without logging ---" }
        Self.append(line: entry, to: logPath)
    }

    /// Where a stdio server's stderr goes: `FOLDER/mcp-NAME.stderr.log`.
    static func stderrPath(name: String, logFolder: URL?) -> String? {
        let fileName = String(name.map { $0.isLetter || $0.isNumber || "_.-".contains($0) ? $0 : "-" })
        return logFolder?.appendingPathComponent("mcp-\(fileName).stderr.log").path
    }

    /// Appends one line to a log file (created if missing); a log that cannot be written is not
    /// worth failing a start for.
    static func append(line: String, to path: String) {
        let descriptor = Foundation.open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return }
        defer { Foundation.close(descriptor) }
        let bytes = Array((line + "\n").utf8)
        _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
    }
}
