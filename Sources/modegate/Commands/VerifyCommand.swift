import ArgumentParser
import Foundation
import ModegateCore
import ModegateHarness
import ModegateProviders

/// `modegate verify [RUN...]`: audits stored runs (RunVerifier) and prints every disagreement
/// at its file and line. Exit 0 when every run is clean, 3 when any disagrees or cannot be read.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that stored runs agree with themselves and with the files they were made from.",
        discussion: """
            For each run: the summary is recomputed from results.jsonl and compared field by field; \
            each trial's transcripts.jsonl line is checked against its results line (model \
            requests, tool calls and failures, reported tokens, recorded time); every file and \
            line must carry a schema version this modegate reads; the manifest's gate_sha256 and \
            the provenance's preset digests must match the gate and preset files as they are \
            now (looked for from the working directory, where the run was made). Every \
            disagreement is printed as FILE:LINE: what differs; exit 0 when all runs are clean, \
            3 otherwise. What could not be checked (an unfinished run, a gate file not here) is \
            a note, not a failure.
            """)

    @Argument(help: "Runs to check: run ids or prefixes, a gate run's id stem (both arms), latest, run folders, or folders of run folders. Default: every run in the store.")
    var runs: [String] = []

    @Flag(help: "Also print what was checked and agreed, and the notes, for clean runs.")
    var verbose = false

    func run() throws {
        let workspace = Workspace()
        let folders: [URL]
        do {
            folders = try RunSelection(workspace: workspace).folders(runs)
        } catch {
            throw Failure.exit(for: error)
        }
        let verifier = RunVerifier(
            transcriptTokens: { RecordedUsage.tokens(format: $0, answers: $1) },
            presetDigests: { gate in
                guard let plan = try? GateLoader.load(path: gate),
                      let presets = try? PresetResolution(planner: workspace.planner(forGate: gate)).presets(for: plan)
                else { return nil }
                var digests: [String: String] = [:]
                for preset in presets { digests[preset.name] = FileManager.default.contents(atPath: preset.sourcePath).map(SHA256.hex) }
                return digests
            },
            workingDirectory: workspace.directory)
        var disagreeing = 0
        var findings = 0
        for folder in folders {
            let report = verifier.verify(folder: folder, shown: Self.shown(folder, from: workspace.directory))
            findings += report.findings.count
            if report.isClean {
                Console.out("\(report.runID): ok (\(report.agreed.joined(separator: "; ")))")
            } else {
                disagreeing += 1
                Console.out("\(report.runID): \(report.findings.count) disagreement\(report.findings.count == 1 ? "" : "s")")
                for finding in report.findings { Console.out("  \(finding)") }
            }
            if verbose || !report.isClean {
                for note in report.notes { Console.out("  note: \(note)") }
            }
        }
        let runsText = "\(folders.count) run\(folders.count == 1 ? "" : "s")"
        if disagreeing == 0 {
            Console.error("modegate: verified \(runsText): all clean")
            return
        }
        Console.error("modegate: verified \(runsText): \(disagreeing) with \(findings) disagreement\(findings == 1 ? "" : "s")")
        throw ExitCode(ExitStatus.invalidInput.rawValue)
    }

    /// A folder as the user would type it: relative to the working directory when inside it.
    static func shown(_ folder: URL, from directory: URL) -> String {
        let path = folder.standardizedFileURL.path
        let base = directory.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

/// The run folders `verify`'s arguments name.
private struct RunSelection {
    let workspace: Workspace

    func folders(_ arguments: [String]) throws -> [URL] {
        let store = workspace.store
        guard !arguments.isEmpty else {
            let (entries, problems) = store.catalog()
            if let problem = problems.first { throw problem }
            let native = entries.filter { $0.source == .native }
            guard !native.isEmpty else { throw StoreError.noRuns(store: store.root.path) }
            return native.map { URL(fileURLWithPath: $0.path) }.sorted { $0.path < $1.path }
        }
        var folders: [URL] = []
        for argument in arguments {
            let url = URL(fileURLWithPath: argument, relativeTo: workspace.directory).standardizedFileURL
            let files = FileManager.default
            if files.fileExists(atPath: url.appendingPathComponent("manifest.json").path) {
                folders.append(url)
                continue
            }
            var isFolder: ObjCBool = false
            if files.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                let runs = ((try? files.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
                    .map { url.appendingPathComponent($0) }
                    .filter { files.fileExists(atPath: $0.appendingPathComponent("manifest.json").path) }
                guard !runs.isEmpty else {
                    throw StoreError.unreadable(path: url.path, reason: "neither a run folder (no manifest.json) nor a folder of run folders")
                }
                folders += runs
                continue
            }
            // A gate run's stem names both of its arms.
            let arms = store.catalog().entries.filter { $0.source == .native && GateRunID.stem(of: $0.id) == argument && $0.id != argument }
            if arms.count > 1 {
                folders += arms.map { URL(fileURLWithPath: $0.path) }.sorted { $0.path < $1.path }
                continue
            }
            let entry = try store.resolve(try RunReference(parsing: argument), workingDirectory: workspace.directory)
            guard entry.source == .native else {
                throw StoreError.unreadable(path: entry.path, reason: "an RLM Code summary, not a modegate run folder: there is nothing to verify it against")
            }
            folders.append(URL(fileURLWithPath: entry.path))
        }
        var seen = Set<String>()
        return folders.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
