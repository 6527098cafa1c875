import Foundation

/// `modegate verify`: checks that a stored run says the same thing everywhere it says it. Its
/// summary must be what its results give, each trial's transcript must match its results line,
/// every file and line must be of a version this build reads, and the manifest's and the
/// provenance's digests must match the gate and preset files they name. It reads; it never
/// rewrites a run.
public struct RunVerifier: Sendable {
    /// A trial's tokens as its transcript's answers report them.
    public struct Tokens: Sendable, Hashable {
        public var prompt: Int
        public var completion: Int
        public var cached: Int

        public init(prompt: Int, completion: Int, cached: Int) {
            self.prompt = prompt
            self.completion = completion
            self.cached = cached
        }
    }

    /// What a trial's recorded answers report, read with the codec of their wire format (the
    /// transcript's `format`); nil when some answer reports no usage (the trial's counts are
    /// then estimates, not checked).
    public var transcriptTokens: @Sendable (_ format: String, _ answers: [JSONValue]) -> Tokens?
    /// The SHA-256 of each preset file the gate file at a path names, as found today; nil when
    /// that gate file cannot be loaded here.
    public var presetDigests: @Sendable (String) -> [String: String]?
    /// Where a manifest's relative `gate_file` is looked for (where the run was started).
    public var workingDirectory: URL

    public init(
        transcriptTokens: @escaping @Sendable (_ format: String, _ answers: [JSONValue]) -> Tokens?,
        presetDigests: @escaping @Sendable (String) -> [String: String]?, workingDirectory: URL
    ) {
        self.transcriptTokens = transcriptTokens
        self.presetDigests = presetDigests
        self.workingDirectory = workingDirectory
    }

    /// Every check on the run folder at `folder`; `shown` is how its paths are printed.
    public func verify(folder: URL, shown: String) -> RunVerification {
        var report = RunVerification(runID: folder.lastPathComponent, folder: shown)
        let file = { (name: String) in (shown as NSString).appendingPathComponent(name) }
        let manifest: RunManifest
        do {
            manifest = try NativeRunReader.readManifest(folder: folder)
            report.runID = manifest.runID
        } catch {
            report.findings.append(Self.finding(error, file: file("manifest.json")))
            return report
        }
        let results: [(line: Int, value: TrialRecord)]
        do {
            let read = try NativeRunReader.readNumberedLines(RecordSchema.Versioned<TrialRecord>.self, folder: folder)
            results = read.lines.map { ($0.line, $0.value.value) }
            report.notes += Self.olderVersions(read.lines.map(\.value.version), file: file("results.jsonl"))
            report.notes += read.warnings
        } catch {
            report.findings.append(Self.finding(error, file: file("results.jsonl")))
            return report
        }
        let summary = checkSummary(folder: folder, results: results.map(\.value), manifest: manifest, file: file("summary.json"), into: &report)
        checkTrials(results, manifest: manifest, presets: summary?.summary.provenance.map { Set($0.presets.keys) }, file: file("results.jsonl"), into: &report)
        checkTranscripts(folder: folder, results: results, manifest: manifest, shown: shown, into: &report)
        checkGate(manifest, manifestFile: file("manifest.json"), folder: folder, into: &report)
        if let summary {
            checkPresets(summary.summary, text: summary.text, manifest: manifest, summaryFile: file("summary.json"), into: &report)
        }
        return report
    }

    /// Each results line on its own: it belongs to this run and its plan (its preset one the
    /// provenance digested, when there is one: the manifest names presets as the gate file
    /// does, often by path), once, with its steps being its model requests.
    private func checkTrials(
        _ results: [(line: Int, value: TrialRecord)], manifest: RunManifest, presets: Set<String>?, file: String,
        into report: inout RunVerification
    ) {
        var seen: [PairKey: Int] = [:]
        let before = report.findings.count
        for (line, trial) in results {
            func at(_ message: String) { report.findings.append(VerifyFinding(path: file, line: line, message: message)) }
            if trial.runID != manifest.runID { at("run_id \(trial.runID) is not this run's (manifest.json: \(manifest.runID))") }
            if let presets, !presets.contains(trial.preset) {
                at("trial \(trial.pairKey) is of preset \(trial.preset), which the run's provenance does not digest (\(presets.sorted().joined(separator: ", ")))")
            }
            if trial.repetition < 0 || trial.repetition >= manifest.repetitions {
                at("trial \(trial.pairKey) is repetition \(trial.repetition); the manifest plans repetitions 0 to \(manifest.repetitions - 1)")
            }
            if let first = seen[trial.pairKey] {
                at("trial \(trial.pairKey) is recorded twice (also line \(first)); a judge would count it twice")
            } else {
                seen[trial.pairKey] = line
            }
            if trial.steps != trial.counters.modelRequests {
                at("trial \(trial.pairKey) records steps \(trial.steps) but model_requests \(trial.counters.modelRequests); steps are model requests")
            }
        }
        if report.findings.count == before { report.agreed.append("\(results.count) trials of the run's presets and repetitions, each once") }
    }

    /// A reader's error as a finding in `file` (as shown), at the line the error names.
    static func finding(_ error: Error, file: String) -> VerifyFinding {
        guard let error = error as? StoreError else { return VerifyFinding(path: file, message: "\(error)") }
        return VerifyFinding(path: file, line: error.place?.line, message: error.problem)
    }

    /// A note naming the lines of `file` that are of an older schema version, read through
    /// their migration; none when every line is current.
    static func olderVersions(_ versions: [Int], file: String) -> [String] {
        let older = versions.filter { $0 < RecordSchema.current }
        guard !older.isEmpty else { return [] }
        let named = Set(older).sorted().map(String.init).joined(separator: ", ")
        return ["\(file): \(older.count) of \(versions.count) lines are of schema version \(named), read through the migration to \(RecordSchema.current)"]
    }
}
