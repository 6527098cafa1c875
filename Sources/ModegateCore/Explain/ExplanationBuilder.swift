import Foundation

/// Reads two native runs' records and transcripts into `CaseExplanation`s, one per case both
/// runs played. A later record of a trial wins, as in the judge (a resumed run).
public struct ExplanationBuilder: Sendable {
    /// Every paired case, in (preset, case) order.
    public let cases: [CaseExplanation]
    private let candidate: Explanation.Run
    private let baseline: Explanation.Run

    /// Loads both runs. Throws `ExplainError.notNative` for a run that is not a modegate run folder (an
    /// imported RLM Code summary has no trials' answers or transcripts) or `StoreError` when one cannot be read.
    public init(candidate: StoredRun, baseline: StoredRun, workingDirectory: URL) throws {
        let candidateTrials = try Self.evidence(of: candidate, workingDirectory: workingDirectory)
        let baselineTrials = try Self.evidence(of: baseline, workingDirectory: workingDirectory)
        var cases: [CaseExplanation] = []
        for key in Set(candidateTrials.keys).intersection(baselineTrials.keys).sorted(by: { ($0.preset, $0.caseID) < ($1.preset, $1.caseID) }) {
            cases.append(CaseExplanation(
                preset: key.preset, caseID: key.caseID, baseline: baselineTrials[key] ?? [], candidate: candidateTrials[key] ?? []))
        }
        self.cases = cases
        self.candidate = Explanation.Run(id: candidate.id, path: candidate.path, strategy: candidate.strategy)
        self.baseline = Explanation.Run(id: baseline.id, path: baseline.path, strategy: baseline.strategy)
    }

    /// The explanation with at most `limit` losses and gains; with `cases`, those cases
    /// (`preset/case` or a bare case id) are `selected` too. Throws `ExplainError.unknownCase`
    /// for a case neither run played.
    public func explanation(limit: Int, cases wanted: [String] = []) throws -> Explanation {
        let losses = cases.filter(\.isLoss).sorted { lhs, rhs in
            (lhs.rewardDelta, lhs.completionDelta, lhs.name) < (rhs.rewardDelta, rhs.completionDelta, rhs.name)
        }
        let gains = cases.filter(\.isGain).sorted { lhs, rhs in
            (-lhs.rewardDelta, -lhs.completionDelta, lhs.name) < (-rhs.rewardDelta, -rhs.completionDelta, rhs.name)
        }
        let flaky = cases.filter(\.isFlaky).sorted { lhs, rhs in
            let left = max(lhs.baselineFlakiness.disagreement, lhs.candidateFlakiness.disagreement)
            let right = max(rhs.baselineFlakiness.disagreement, rhs.candidateFlakiness.disagreement)
            return (-left, lhs.name) < (-right, rhs.name)
        }.map {
            Explanation.FlakyCase(preset: $0.preset, caseID: $0.caseID, baseline: $0.baselineFlakiness, candidate: $0.candidateFlakiness)
        }
        var selected: [CaseExplanation]?
        if !wanted.isEmpty {
            selected = try wanted.flatMap { name in
                let matches = cases.filter { $0.name == name || $0.caseID == name }
                guard !matches.isEmpty else { throw ExplainError.unknownCase(name, known: cases.map(\.name)) }
                return matches
            }
        }
        return Explanation(
            candidate: candidate, baseline: baseline, pairedCases: cases.count, lossCount: losses.count,
            gainCount: gains.count, losses: Array(losses.prefix(limit)), gains: Array(gains.prefix(limit)), flaky: flaky,
            selected: selected)
    }

    /// One run's trials by case, each case's sorted by repetition, with their transcripts' tool
    /// calls and line numbers.
    private static func evidence(of run: StoredRun, workingDirectory: URL) throws -> [CaseKey: [TrialEvidence]] {
        guard run.source == .native else {
            throw ExplainError.notNative(path: run.path)
        }
        let folder = URL(fileURLWithPath: run.path)
        var records: [PairKey: TrialRecord] = [:]
        for record in try NativeRunReader.readLines(TrialRecord.self, folder: folder).lines { records[record.pairKey] = record }
        let transcriptURL = folder.appendingPathComponent("transcripts.jsonl")
        let shownPath = Self.shown(transcriptURL, workingDirectory: workingDirectory)
        var transcripts: [PairKey: (Int, TranscriptFile.TrialToolCalls)] = [:]
        if FileManager.default.fileExists(atPath: transcriptURL.path) {
            for (line, calls) in try TranscriptFile.readToolCalls(transcriptURL) { transcripts[calls.key] = (line, calls) }
        }
        var byCase: [CaseKey: [TrialEvidence]] = [:]
        for (key, record) in records {
            let transcript = transcripts[key]
            let evidence = TrialEvidence(
                record, toolCalls: transcript?.1.toolCalls,
                transcript: transcript.map { TranscriptLocation(path: shownPath, line: $0.0) })
            byCase[key.caseKey, default: []].append(evidence)
        }
        return byCase.mapValues { $0.sorted { $0.repetition < $1.repetition } }
    }

    /// The path relative to the working directory when it lies under it.
    static func shown(_ url: URL, workingDirectory: URL) -> String {
        let path = url.standardizedFileURL.path
        let base = workingDirectory.standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
