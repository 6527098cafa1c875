import Foundation

/// What the end-to-end tests do with every run they store before they delete it: `modegate
/// verify` over the working directory's store, so a run whose summary, transcripts or versions
/// disagree with its results fails the test that made it.
public enum StoredRunAudit {
    /// `modegate verify`'s report when it found a disagreement in `directory`'s store, nil when
    /// the store is clean or holds no run.
    public static func problems(in directory: URL, binary: String) -> String? {
        let runs = directory.appendingPathComponent(".modegate/runs")
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: runs.path), !entries.isEmpty else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["verify"]
        process.currentDirectoryURL = directory
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": directory.path, "NO_COLOR": "1"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return "modegate verify could not start: \(error)"
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return process.terminationStatus == 0 ? nil : "modegate verify exited \(process.terminationStatus) over the runs this test stored:\n\(text)"
    }
}
