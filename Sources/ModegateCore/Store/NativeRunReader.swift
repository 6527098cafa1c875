import Foundation

/// Reads a native run folder. A folder without `summary.json` is an interrupted run: its summary
/// is computed from the trials that were flushed, and it is marked unfinished.
enum NativeRunReader {
    static func catalogEntry(folder: URL) throws -> RunCatalogEntry {
        let manifest = try readManifest(folder: folder)
        if let summary = try readSummaryHeader(folder: folder) {
            return RunCatalogEntry(
                id: manifest.runID, source: .native, path: folder.path, strategy: manifest.strategy,
                presets: manifest.presets, model: manifest.model, metrics: summary.metrics, isFinished: true,
                cancelled: summary.cancelled, startedAt: manifest.startedAt,
                finishedAt: summary.finishedAt ?? manifest.finishedAt)
        }
        return RunCatalogEntry(
            id: manifest.runID, source: .native, path: folder.path, strategy: manifest.strategy,
            presets: manifest.presets, model: manifest.model, metrics: nil, isFinished: false, cancelled: false,
            startedAt: manifest.startedAt, finishedAt: nil)
    }

    static func load(folder: URL) throws -> StoredRun {
        let manifest = try readManifest(folder: folder)
        let stored = try readSummaryHeader(folder: folder)
        let summary: RunSummaryHeader
        let trials: [TrialOutcome]
        let warnings: [String]
        if let stored {
            summary = stored
            (trials, warnings) = try readOutcomes(folder: folder)
        } else {
            let records: [TrialRecord]
            (records, warnings) = try readLines(TrialRecord.self, folder: folder)
            summary = RunSummaryHeader(RunSummary.summarizing(records, manifest: manifest))
            trials = records.map(TrialOutcome.init)
        }
        var run = StoredRun(
            id: manifest.runID, source: .native, path: folder.path,
            summaryPath: folder.appendingPathComponent("summary.json").path, strategy: manifest.strategy,
            manifest: manifest, summary: summary.metrics, presets: manifest.presets, trials: trials,
            isFinished: stored != nil, cancelled: summary.cancelled, cancelReason: summary.cancelReason,
            startedAt: manifest.startedAt, finishedAt: stored == nil ? nil : (summary.finishedAt ?? manifest.finishedAt),
            warnings: warnings + (summary.toolWarnings ?? []), restarts: MCPRestarts(counts: summary.mcpRestarts, reasons: summary.mcpRestartReasons), adoption: summary.adoption,
            provenance: summary.provenance,
            notRecorded: costRecorded(manifest, trials: trials) ? [] : [.cost], currency: currency(manifest),
            tokensEstimated: summary.tokensEstimated ?? false)
        run.serverAdoption = summary.serverAdoption
        return run
    }

    /// The pricing currency the run's plan names (`model.pricing.currency`).
    static func currency(_ manifest: RunManifest) -> String? {
        manifest.plan?["model"]?["pricing"]?["currency"]?.stringValue
    }

    /// Whether the trials' cost means anything: a plan without `model.pricing` records 0 for an
    /// unknown cost. A run whose manifest holds no plan counts as priced when it recorded a cost.
    static func costRecorded(_ manifest: RunManifest, trials: [TrialOutcome]) -> Bool {
        guard let model = manifest.plan?["model"] else { return trials.contains { $0.cost > 0 } }
        return model["pricing"].map { $0 != .null } ?? false
    }

    /// The full summary (for `modegate show`), computed from trials when the run was interrupted.
    static func summary(folder: URL) throws -> RunSummary {
        if let stored = try readSummary(folder: folder) { return stored }
        let manifest = try readManifest(folder: folder)
        return RunSummary.summarizing(try readLines(TrialRecord.self, folder: folder).lines, manifest: manifest)
    }

    static func readManifest(folder: URL) throws -> RunManifest {
        let url = folder.appendingPathComponent("manifest.json")
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw StoreError.unreadable(path: url.path, reason: "no manifest.json: not a modegate run folder")
        }
        var manifest = try decode(RunManifest.self, at: url)
        // Read as its version defines; written back (on resume) as this build's.
        manifest.schemaVersion = RecordSchema.current
        return manifest
    }

    static func readSummary(folder: URL) throws -> RunSummary? {
        let url = folder.appendingPathComponent("summary.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        var summary = try decode(RunSummary.self, at: url)
        summary.schemaVersion = RecordSchema.current
        return summary
    }

    static func readSummaryHeader(folder: URL) throws -> RunSummaryHeader? {
        let url = folder.appendingPathComponent("summary.json")
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        return try decode(RunSummaryHeader.self, at: url)
    }

    /// Trials from `results.jsonl`. A torn final line (the process died mid-write) is dropped with
    /// a warning; a bad line anywhere else is an error naming the line.
    static func readLines<Line: Decodable & Sendable>(_ type: Line.Type, folder: URL) throws -> (lines: [Line], warnings: [String]) {
        let read = try readNumberedLines(type, folder: folder)
        return (read.lines.map(\.value), read.warnings)
    }

    /// `readLines` with each line's 1-based number in the file.
    static func readNumberedLines<Line: Decodable & Sendable>(
        _ type: Line.Type, folder: URL
    ) throws -> (lines: [(line: Int, value: Line)], warnings: [String]) {
        try readResults(folder: folder) { data, ranges in JSONLines.decode(Line.self, data: data, ranges: ranges) }
    }

    /// What the judge needs of each trial, through the fast scanner.
    static func readOutcomes(folder: URL) throws -> (lines: [TrialOutcome], warnings: [String]) {
        let read = try readResults(folder: folder, decode: JSONLines.outcomes)
        return (read.lines.map(\.value), read.warnings)
    }

    private static func readResults<Line>(
        folder: URL, decode: (Data, [JSONLines.LineRange]) -> [Result<Line, Error>]
    ) throws -> (lines: [(line: Int, value: Line)], warnings: [String]) {
        let url = folder.appendingPathComponent("results.jsonl")
        guard FileManager.default.fileExists(atPath: url.path) else { return ([], []) }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let ranges = JSONLines.ranges(in: data)
        var lines: [(line: Int, value: Line)] = []
        lines.reserveCapacity(ranges.count)
        var warnings: [String] = []
        for (index, result) in decode(data, ranges).enumerated() {
            switch result {
            case .success(let line):
                lines.append((ranges[index].number, line))
            case .failure(let error):
                let lineNumber = ranges[index].number
                if let unsupported = RecordSchema.storeError(error, path: url.path, line: lineNumber) { throw unsupported }
                if index == ranges.count - 1 && !JSONLines.endsWithNewline(data) {
                    warnings.append("\(url.path):\(lineNumber): ignored an incomplete last line (the run was interrupted mid-write)")
                } else {
                    throw StoreError.malformed(path: url.path, line: lineNumber, reason: "not a trial record: \(DecodingProblem(error))")
                }
            }
        }
        return (lines, warnings)
    }

    /// Decodes a whole-file record (manifest, summary) after checking its `schema_version`.
    static func decode<T: Decodable>(_ type: T.Type, at url: URL) throws -> T {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw StoreError.unreadable(path: url.path, reason: error.localizedDescription)
        }
        let decoder = StableJSON.decoder()
        do {
            _ = try decoder.decode(VersionProbe.self, from: data)
            return try decoder.decode(type, from: data)
        } catch {
            if let unsupported = RecordSchema.storeError(error, path: url.path, line: nil) { throw unsupported }
            throw StoreError.malformed(path: url.path, line: nil, reason: "\(DecodingProblem(error))")
        }
    }
}

/// Only a file's `schema_version`, checked before the file is decoded: a newer file is named as
/// such rather than by a field it renamed.
private struct VersionProbe: Decodable {
    init(from decoder: any Decoder) throws {
        _ = try RecordSchema.version(from: decoder)
    }
}

extension RunMetrics {
    /// The run-level figures a native summary recorded.
    public init(_ summary: RunSummary) {
        self.init(
            totalCases: summary.totalCases, completedCases: summary.completedCases,
            attemptedCases: summary.attemptedCases, avgReward: summary.avgReward, avgSteps: summary.avgSteps)
    }
}
