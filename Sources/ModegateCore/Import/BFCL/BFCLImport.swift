import Foundation

/// `modegate import bfcl CATEGORY`: one of BFCL's multi-turn categories, read from the installed
/// `bfcl-eval` package, as a preset, a gate and the MCP server both need, written into `folder`:
///
///     FOLDER/bfcl_server.py                 the server (hosts BFCL's backends and checkers)
///     FOLDER/presets/bfcl_CATEGORY.yaml     one case per task, one turn per BFCL turn
///     FOLDER/bfcl-CATEGORY.yaml             the gate: both arms over that server
///
/// The package is read by the script itself (`bfcl_server.py export`), run with `python`, so
/// the tasks come from exactly the package the server will load.
public struct BFCLImport: Sendable {
    public var category: String
    public var folder: URL
    /// The Python that has bfcl-eval (and the MCP SDK, to serve); the gate runs the server with it.
    public var python: String
    /// Only the category's first tasks; nil for all.
    public var limit: Int?

    public init(category: String, folder: URL, python: String, limit: Int? = nil) {
        self.category = category
        self.folder = folder
        self.python = python
        self.limit = limit
    }

    /// What was written.
    public struct Written: Sendable {
        public let gate: URL
        public let preset: URL
        public let server: URL
        public let package: String
        public let tasks: Int
        public let turns: Int
        public let calls: Int
    }

    /// Why nothing (or only the server script) was written: the script's own message, or ours.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String

        public init(description: String) { self.description = description }
    }

    public func run() throws -> Written {
        let files = FileManager.default
        let presets = folder.appendingPathComponent("presets")
        do {
            try files.createDirectory(at: presets, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(presets.path): \(error.localizedDescription)")
        }
        let server = folder.appendingPathComponent(BFCLServerScript.fileName)
        try write(BFCLServerScript.source, to: server)
        var export = try self.export(script: server)
        if let limit { export.tasks = Array(export.tasks.prefix(limit)) }
        let writer = BFCLPresetWriter(export: export)
        let preset = presets.appendingPathComponent("\(writer.presetName).yaml")
        let gate = folder.appendingPathComponent("bfcl-\(export.category).yaml")
        try write(writer.preset(), to: preset)
        try write(writer.gate(python: python, script: server.path), to: gate)
        return Written(
            gate: gate, preset: preset, server: server, package: "\(export.package) \(export.version)",
            tasks: export.tasks.count, turns: export.tasks.map(\.turns.count).reduce(0, +),
            calls: export.tasks.flatMap(\.turns).map(\.calls.count).reduce(0, +))
    }

    /// The category as the script reads it from the package; the script's own error otherwise
    /// (an unknown category lists the package's, a missing package says how to install it).
    private func export(script: URL) throws -> BFCLExport {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [script.path, "export", category]
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-bfcl-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        // Files rather than pipes: the export is hundreds of kilobytes, and nothing reads a pipe
        // while the process runs.
        let out = scratch.appendingPathComponent("out.json")
        let err = scratch.appendingPathComponent("err.txt")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        guard let outHandle = try? FileHandle(forWritingTo: out), let errHandle = try? FileHandle(forWritingTo: err) else {
            throw Failure(description: "cannot write scratch files in \(scratch.path)")
        }
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run \(python): \(error.localizedDescription); give --python the interpreter that has bfcl-eval")
        }
        process.waitUntilExit()
        try? outHandle.close()
        try? errHandle.close()
        let stderr = (try? String(contentsOf: err, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard process.terminationStatus == 0 else {
            let said = stderr.split(separator: "\n").last(where: { $0.hasPrefix("error: ") }).map(String.init)
            throw Failure(description: said ?? "\(python) \(script.lastPathComponent) export \(category) failed (exit \(process.terminationStatus)): \(stderr.suffix(600))")
        }
        do {
            return try JSONDecoder().decode(BFCLExport.self, from: Data(contentsOf: out))
        } catch {
            throw Failure(description: "the export of \(category) is not what this modegate reads (\(error)); \(stderr.suffix(300))")
        }
    }

    private func write(_ text: String, to url: URL) throws {
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
        } catch {
            throw Failure(description: "cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
