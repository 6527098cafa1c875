import Foundation

/// The run store of DESIGN §7: `<root>/runs/<run-id>/{manifest.json, summary.json, results.jsonl}`,
/// plus RLM Code summaries found under `.rlm_code/rlm/benchmarks/`, listed read-only.
public struct RunStore: Sendable {
    /// The store folder, `.modegate` by default.
    public var root: URL
    /// Where RLM Code keeps its benchmark summaries; nil to ignore them.
    public var rlmBenchmarks: URL?

    /// A store at `root`, listing RLM Code summaries from `rlmBenchmarks` too when given.
    public init(root: URL, rlmBenchmarks: URL? = nil) {
        self.root = root
        self.rlmBenchmarks = rlmBenchmarks
    }

    /// The store of a working directory: `.modegate` (or `$MODEGATE_HOME`) and `.rlm_code/rlm/benchmarks`.
    public static func standard(in directory: URL, environment: [String: String]) -> RunStore {
        let root = environment["MODEGATE_HOME"].map { URL(fileURLWithPath: $0, relativeTo: directory) }
            ?? directory.appendingPathComponent(".modegate")
        return RunStore(
            root: root.standardizedFileURL,
            rlmBenchmarks: directory.appendingPathComponent(".rlm_code/rlm/benchmarks"))
    }

    /// `<root>/runs`: one folder per native run.
    public var runsFolder: URL { root.appendingPathComponent("runs") }

    /// Every readable run, newest first. Unreadable entries are returned as problems, not thrown,
    /// so one damaged folder does not hide the others.
    public func catalog() -> (entries: [RunCatalogEntry], problems: [StoreError]) {
        var entries: [RunCatalogEntry] = []
        var problems: [StoreError] = []
        let files = FileManager.default
        for name in (try? files.contentsOfDirectory(atPath: runsFolder.path)) ?? [] where !name.hasPrefix(".") {
            let folder = runsFolder.appendingPathComponent(name)
            do {
                entries.append(try NativeRunReader.catalogEntry(folder: folder))
            } catch let error as StoreError {
                problems.append(error)
            } catch {
                problems.append(.unreadable(path: folder.path, reason: "\(error)"))
            }
        }
        if let rlmBenchmarks {
            for name in (try? files.contentsOfDirectory(atPath: rlmBenchmarks.path)) ?? [] where name.hasSuffix(".json") {
                let path = rlmBenchmarks.appendingPathComponent(name).path
                // RLM Code also writes its comparison reports here; only summaries are runs.
                guard let run = try? RLMSummaryImporter.load(path: path) else { continue }
                entries.append(run.catalogEntry)
            }
        }
        return (entries.sorted(by: RunCatalogEntry.newestFirst), problems)
    }

    /// Loads a run with all its trials.
    public func open(_ entry: RunCatalogEntry) throws -> StoredRun {
        switch entry.source {
        case .native: try NativeRunReader.load(folder: URL(fileURLWithPath: entry.path))
        case .rlmCode: try RLMSummaryImporter.load(path: entry.path)
        }
    }

    /// Creates the folder of a new run and writes its manifest.
    public func create(manifest: RunManifest) throws -> RunWriter {
        try RunWriter(folder: runsFolder.appendingPathComponent(manifest.runID), manifest: manifest)
    }

    /// Reopens an unfinished or cancelled run to add trials (`--resume`): returns a writer that
    /// appends to its `results.jsonl` and the trials already recorded. Its `summary.json` is
    /// removed until the run finishes again.
    public func reopen(_ entry: RunCatalogEntry) throws -> (writer: RunWriter, trials: [TrialRecord]) {
        let folder = URL(fileURLWithPath: entry.path)
        let manifest = try NativeRunReader.readManifest(folder: folder)
        let trials = try NativeRunReader.readLines(TrialRecord.self, folder: folder).lines
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("summary.json"))
        var reopened = manifest
        reopened.finishedAt = nil
        return (try RunWriter(folder: folder, manifest: reopened, resuming: true), trials)
    }
}

extension StoredRun {
    /// What `modegate runs` lists of this run.
    public var catalogEntry: RunCatalogEntry {
        RunCatalogEntry(
            id: id, source: source, path: path, strategy: strategy, presets: presets, model: manifest?.model,
            metrics: summary, isFinished: isFinished, cancelled: cancelled, startedAt: startedAt,
            finishedAt: finishedAt)
    }

    /// Every trial record of a native run in full (the judge reads only what it needs, in
    /// `trials`). Throws `StoreError` naming a bad line.
    public func trialRecords() throws -> [TrialRecord] {
        try NativeRunReader.readLines(TrialRecord.self, folder: URL(fileURLWithPath: path)).lines
    }
}
