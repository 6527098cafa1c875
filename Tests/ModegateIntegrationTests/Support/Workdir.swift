import Foundation
import ModegateCore
import StoredRunAudit
import Testing

/// A scratch working directory that sees the repository's presets and test environment, where
/// the built binary runs gates as a user would.
final class Workdir: @unchecked Sendable {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-run-\(UUID().uuidString)")

    init() throws {
        let manager = FileManager.default
        try manager.createDirectory(at: url.appendingPathComponent(".modegate"), withIntermediateDirectories: true)
        try manager.createSymbolicLink(at: url.appendingPathComponent("presets"), withDestinationURL: TestPeers.repository.appendingPathComponent("presets"))
        try manager.createSymbolicLink(at: url.appendingPathComponent(".venv"), withDestinationURL: TestPeers.repository.appendingPathComponent(".venv"))
    }

    /// Set by a test that damages its runs, or the files they were made from, on purpose; every
    /// other test's stored runs must pass `modegate verify` when it ends.
    var damagesRuns = false

    deinit {
        if !damagesRuns, let problems = StoredRunAudit.problems(in: url, binary: TestPeers.modegate) { Issue.record("\(problems)") }
        try? FileManager.default.removeItem(at: url)
    }

    /// The repository `presets/examples/git-fixture.sh` makes, at `.modegate/git-fixture` here
    /// (where the git example gates look for it).
    func makeGitFixture() async throws {
        let fixture = Process()
        fixture.executableURL = TestPeers.repository.appendingPathComponent("presets/examples/git-fixture.sh")
        fixture.arguments = [url.appendingPathComponent(".modegate/git-fixture").path]
        try fixture.run()
        try await TestPeers.offPool { fixture.waitUntilExit() }
        #expect(fixture.terminationStatus == 0)
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = url.appendingPathComponent(name)
        try text.write(to: path, atomically: true, encoding: .utf8)
        return path.path
    }

    /// Runs `modegate ARGS` here; returns the exit status, stderr and stdout.
    func modegate(_ arguments: [String], environment extra: [String: String] = [:]) async throws -> (status: Int32, errors: String, output: String) {
        try await TestPeers.offPool { try self.runModegate(arguments, environment: extra) }
    }

    func runModegate(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (status: Int32, errors: String, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestPeers.modegate)
        process.arguments = arguments
        process.currentDirectoryURL = url
        var environment = ProcessInfo.processInfo.environment
        environment["MODEGATE_HOME"] = url.appendingPathComponent(".modegate").path
        environment.merge(extra) { $1 }
        process.environment = environment
        let errors = Pipe()
        let output = Pipe()
        process.standardError = errors
        process.standardOutput = output
        try process.run()
        // Read stdout on a thread of its own, so neither pipe can fill up and stall the child.
        final class Printed: @unchecked Sendable { var data = Data() }
        let printed = Printed()
        let reading = DispatchGroup()
        DispatchQueue.global().async(group: reading) { printed.data = output.fileHandleForReading.readDataToEndOfFile() }
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        reading.wait()
        return (process.terminationStatus, text, String(decoding: printed.data, as: UTF8.self))
    }

    /// The run folders, oldest first, by the start time their manifests record (ids of runs
    /// started in the same second sort by their random part).
    func runFolders() throws -> [URL] {
        let runs = url.appendingPathComponent(".modegate/runs")
        func started(_ folder: URL) -> String {
            let manifest = try? JSONValue.parse(String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8))
            return manifest?["started_at"]?.stringValue ?? ""
        }
        return try FileManager.default.contentsOfDirectory(atPath: runs.path).map { runs.appendingPathComponent($0) }
            .map { (started($0), $0) }.sorted { ($0.0, $0.1.path) < ($1.0, $1.1.path) }.map(\.1)
    }

    /// Every trial record of the newest gate run, by arm.
    func records() throws -> [String: [JSONValue]] { try lines(of: "results.jsonl") }

    /// The summary of the newest gate run's arms, by arm.
    func summaries() throws -> [String: JSONValue] {
        var result: [String: JSONValue] = [:]
        for folder in try runFolders() {
            let arm = folder.lastPathComponent.hasSuffix("-baseline") ? "baseline" : "candidate"
            result[arm] = try JSONValue.parse(String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8))
        }
        return result
    }

    /// Every transcript line of the newest gate run, by arm.
    func transcripts() throws -> [String: [JSONValue]] { try lines(of: "transcripts.jsonl") }

    private func lines(of file: String) throws -> [String: [JSONValue]] {
        var result: [String: [JSONValue]] = [:]
        for folder in try runFolders() {
            let lines = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let arm = folder.lastPathComponent.hasSuffix("-baseline") ? "baseline" : "candidate"
            result[arm] = try lines.split(separator: "\n").map { try JSONValue.parse(String($0)) }
        }
        return result
    }

    /// Every file under `.modegate`, with its text.
    func artifacts() -> [(path: String, text: String)] {
        let store = url.appendingPathComponent(".modegate")
        let files = FileManager.default.enumerator(atPath: store.path)?.compactMap { $0 as? String } ?? []
        return files.map { ($0, (try? String(contentsOf: store.appendingPathComponent($0), encoding: .utf8)) ?? "") }
    }
}
