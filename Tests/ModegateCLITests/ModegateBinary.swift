import Foundation
import StoredRunAudit
import Testing

/// Runs the built `modegate` binary as a user would and captures what it printed.
struct ModegateBinary {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `$MODEGATE_BINARY`, else the debug build beside the tests.
    static var path: String {
        if let path = ProcessInfo.processInfo.environment["MODEGATE_BINARY"] { return path }
        return repository.appendingPathComponent(".build/debug/modegate").path
    }

    /// Runs with a clean, fixed environment (no colour, a fixed clock) plus `environment`. Waits
    /// without blocking a Swift concurrency thread, so other tests' timers keep running.
    /// `executable` is the built binary unless a test installed a copy elsewhere.
    static func run(
        _ arguments: [String], in directory: URL, environment: [String: String] = [:], timeout: TimeInterval = 60,
        interruptAfter: TimeInterval? = nil, executable: String = path
    ) async throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var base = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                    "HOME": directory.path, "MODEGATE_NOW": "2026-11-22T12:00:00Z", "NO_COLOR": "1"]
        base.merge(environment) { _, new in new }
        process.environment = base
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        return try await withCheckedThrowingContinuation { continuation in
            // Both pipes are drained on dispatch threads, so a chatty child never blocks on a full pipe.
            DispatchQueue.global().async {
                do {
                    try process.run()
                } catch {
                    continuation.resume(throwing: error)
                    return
                }
                if let interruptAfter {
                    DispatchQueue.global().asyncAfter(deadline: .now() + interruptAfter) { process.interrupt() }
                }
                let group = DispatchGroup()
                nonisolated(unsafe) var stdout = Data()
                nonisolated(unsafe) var stderr = Data()
                DispatchQueue.global().async(group: group) { stdout = out.fileHandleForReading.readDataToEndOfFile() }
                DispatchQueue.global().async(group: group) { stderr = err.fileHandleForReading.readDataToEndOfFile() }
                if group.wait(timeout: .now() + timeout) == .timedOut {
                    process.terminate()
                    continuation.resume(throwing: CocoaError(
                        .executableLoad, userInfo: [NSLocalizedDescriptionKey: "modegate \(arguments) hung for \(timeout) s"]))
                    return
                }
                process.waitUntilExit()
                continuation.resume(returning: Result(
                    status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                    stderr: String(decoding: stderr, as: UTF8.self)))
            }
        }
    }
}

/// A scratch working directory that disappears after the test.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// Set by a test that damages its stored runs, or the files they were made from, on purpose;
    /// every other test's stored runs must pass `modegate verify` when it ends.
    var damagesRuns = false

    deinit {
        if !damagesRuns, let problems = StoredRunAudit.problems(in: url, binary: ModegateBinary.path) { Issue.record("\(problems)") }
        try? FileManager.default.removeItem(at: url)
    }

    /// Copies the shipped example runs (and RLM Code summaries) into this directory.
    func withExamples() throws -> Scratch {
        let examples = ModegateBinary.repository.appendingPathComponent("docs/examples")
        for item in ["runs", ".rlm_code"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(item), to: url.appendingPathComponent(item))
        }
        return self
    }

    func write(_ text: String, to name: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }
}

func json(_ text: String) throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
}
