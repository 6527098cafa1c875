import Foundation
import Testing
@testable import ModegateCore

/// Code Mode adoption: counted from the trials into `summary.json`, read back with the run, put
/// into the verdict's arms, and warned about when a code-mode candidate seldom ran code.
@Suite struct AdoptionRecordsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    /// Ten trials; `withCode` of them ran programs (two each), the first of those failed with `failure`.
    func write(_ store: RunStore, id: String, strategy: Strategy, withCode: Int, failure: String? = nil,
               unknownTools: Int = 0) throws -> StoredRun {
        let manifest = RunManifest(
            runID: id, toolVersion: "test", strategy: strategy, presets: ["p"], repetitions: 1, plannedTrials: 10,
            seed: 1, host: "test", startedAt: Self.t0)
        let writer = try store.create(manifest: manifest)
        var records: [TrialRecord] = []
        for index in 0..<10 {
            var counters = TrialCounters()
            counters.codemodeChainCalls = index < withCode ? 2 : 0
            counters.codemodeDiscoveryCalls = index == 0 ? 1 : 0
            counters.unknownToolCalls = index == 0 ? unknownTools : 0
            let record = TrialRecord(
                runID: id, preset: "p", caseID: "c\(index)", repetition: 0, strategy: strategy, completed: true, reward: 1,
                steps: 2, counters: counters, firstProgramFailure: index == 0 ? failure : nil, startedAt: Self.t0, finishedAt: Self.t0)
            try writer.append(record)
            records.append(record)
        }
        try writer.finish(summary: RunSummary.summarizing(records, manifest: manifest), at: Self.t0)
        return try store.open(try store.resolve(.named(id), workingDirectory: store.root))
    }

    func judge(candidateWithCode: Int) throws -> Verdict {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-adoption-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RunStore(root: folder)
        let baseline = try write(store, id: "20260101-000000-aaaa0001-baseline", strategy: .toolCall, withCode: 0, unknownTools: 3)
        let candidate = try write(store, id: "20260101-000000-aaaa0001-candidate", strategy: .codemode,
                                  withCode: candidateWithCode, failure: "syntax_error")
        return Judge(thresholds: .rlmDefaults, settings: JudgementSettings(mode: .point, confidence: 0.95, bootstrapResamples: 100, seed: 1))
            .judge(candidate: candidate, baseline: baseline)
    }

    @Test func adoptionIsSummedAndReachesTheVerdict() throws {
        let verdict = try judge(candidateWithCode: 9)
        let candidate = try #require(verdict.candidate.adoption)
        #expect(candidate.trials == 10)
        #expect(candidate.trialsWithoutCode == 1)
        #expect(candidate.runCodeCalls == 18)
        #expect(candidate.discoveryCalls == 1)
        #expect(candidate.firstProgramFailures == ["syntax_error": 1])
        #expect(abs(candidate.codeShare - 0.9) < 1e-12)
        #expect(verdict.baseline.adoption?.unknownToolCalls == 3)
        #expect(!verdict.warnings.contains { $0.contains("measures prompting") })
    }

    @Test func aCandidateThatSeldomRanCodeIsWarnedAbout() throws {
        let verdict = try judge(candidateWithCode: 7)
        #expect(verdict.warnings.contains(
            "only 70% of candidate trials ran code (3 of 10 never called run_code): the comparison measures prompting, not Code Mode"),
            "\(verdict.warnings)")
    }

    @Test func runsRecordedBeforeAdoptionStillRead() throws {
        // A trial line without the new counters (as modegate wrote them before) decodes with zeros.
        let line = #"{"cached_tokens":0,"case_id":"c","codemode_chain_calls":1,"codemode_discovery_calls":0,"codemode_guardrail_blocked":0,"codemode_search_calls":0,"completed":true,"completion_tokens":1,"cost":0,"failed_tool_calls":0,"finished_at":"2027-01-15T08:00:00.000Z","latency":{"model":0,"sandbox":0,"tool":0,"total":0},"mcp_tool_calls":0,"model_input_bytes":1,"model_requests":1,"model_visible_tool_bytes":0,"preset":"p","prompt_tokens":1,"repetition":0,"reward":1,"run_id":"r","started_at":"2027-01-15T08:00:00.000Z","steps":1,"strategy":"codemode","tokens_estimated":false,"tool_calls":0,"tool_response_bytes":0}"#
        let record = try StableJSON.decoder().decode(TrialRecord.self, from: Data(line.utf8))
        #expect(record.unknownToolCalls == 0 && record.invalidArgumentCalls == 0 && record.firstProgramFailure == nil)
    }

    @Test func toolWarningsOfTheSummaryBecomeTheRunsWarnings() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-adoption-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RunStore(root: folder)
        let id = "20260101-000000-aaaa0003-candidate"
        let manifest = RunManifest(
            runID: id, toolVersion: "test", strategy: .codemode, presets: ["p"], repetitions: 1, plannedTrials: 0,
            seed: 1, host: "test", startedAt: Self.t0)
        let writer = try store.create(manifest: manifest)
        try writer.finish(summary: RunSummary.summarizing([], manifest: manifest, toolWarnings: ["tool 'a.b' is not a JavaScript identifier"]), at: Self.t0)
        let run = try store.open(try store.resolve(.named(id), workingDirectory: store.root))
        #expect(run.warnings == ["tool 'a.b' is not a JavaScript identifier"])
    }
}
