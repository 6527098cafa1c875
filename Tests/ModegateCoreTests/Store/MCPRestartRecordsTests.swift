import Foundation
import Testing
@testable import ModegateCore

/// Restarts of crashed MCP servers: recorded on the trial that started the server again, summed
/// in `summary.json` as `mcp_restarts`, read back with the run, and named in the verdict's
/// warnings. Runs without restarts write exactly what they wrote before.
@Suite struct MCPRestartRecordsTests {
    static let t0 = Date(timeIntervalSince1970: 1_800_000_000)

    func write(_ store: RunStore, id: String, strategy: Strategy, restarts: [Int: [String: Int]], finish: Bool = true) throws -> StoredRun {
        let manifest = RunManifest(
            runID: id, toolVersion: "test", strategy: strategy, presets: ["chaos"], repetitions: 1, plannedTrials: 4,
            seed: 1, host: "test", startedAt: Self.t0)
        let writer = try store.create(manifest: manifest)
        var records: [TrialRecord] = []
        for index in 0..<4 {
            let record = TrialRecord(
                runID: id, preset: "chaos", caseID: "c\(index)", repetition: 0, strategy: strategy, completed: index != 1,
                reward: index == 1 ? 0 : 1, steps: 2, error: index == 1 ? TrialError(category: .mcp, message: "exited") : nil,
                mcpRestarts: restarts[index], startedAt: Self.t0, finishedAt: Self.t0)
            try writer.append(record)
            records.append(record)
        }
        if finish { try writer.finish(summary: RunSummary.summarizing(records, manifest: manifest), at: Self.t0) }
        return try store.open(try store.resolve(.named(id), workingDirectory: store.root))
    }

    @Test func restartsAreSummedPerServerAndReadBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-restarts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RunStore(root: folder)
        let run = try write(store, id: "20260101-000000-aaaa0001-baseline", strategy: .toolCall,
                            restarts: [2: ["chaos": 1], 3: ["chaos": 1, "git": 1]])
        #expect(run.mcpRestarts == ["chaos": 2, "git": 1])
        let summary = try JSONValue.parse(String(contentsOf: URL(fileURLWithPath: run.summaryPath), encoding: .utf8))
        #expect(summary["mcp_restarts"] == ["chaos": 2, "git": 1])
        let lines = try String(contentsOf: URL(fileURLWithPath: run.path).appendingPathComponent("results.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONValue.parse(String($0)) }
        #expect(lines.map { $0["mcp_restarts"] } == [nil, nil, ["chaos": 1], ["chaos": 1, "git": 1]])

        // An interrupted run (no summary.json) counts them from its trials.
        let unfinished = try write(store, id: "20260101-000100-aaaa0002-baseline", strategy: .toolCall,
                                   restarts: [2: ["chaos": 3]], finish: false)
        #expect(!unfinished.isFinished)
        #expect(unfinished.mcpRestarts == ["chaos": 3])
    }

    @Test func aRunWithoutRestartsWritesNoRestartField() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-restarts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RunStore(root: folder)
        let run = try write(store, id: "20260101-000000-aaaa0001-baseline", strategy: .toolCall, restarts: [:])
        #expect(run.mcpRestarts.isEmpty)
        for file in ["summary.json", "results.jsonl"] {
            let text = try String(contentsOf: URL(fileURLWithPath: run.path).appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains("mcp_restarts"), "\(file)")
        }
    }

    @Test func theVerdictWarnsOncePerRestartedServerWithBothArmsCounts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("modegate-restarts-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = RunStore(root: folder)
        let baseline = try write(store, id: "20260101-000000-aaaa0001-baseline", strategy: .toolCall, restarts: [2: ["chaos": 1]])
        let candidate = try write(store, id: "20260101-000000-aaaa0001-candidate", strategy: .codemode,
                                  restarts: [2: ["chaos": 1], 3: ["chaos": 1, "git": 1]])
        let judge = Judge(
            thresholds: .rlmDefaults, settings: .init(mode: .point, confidence: 0.95, bootstrapResamples: 100, seed: 1))
        let warnings = judge.judge(candidate: candidate, baseline: baseline).warnings.filter { $0.hasPrefix("MCP server") }
        #expect(warnings == [
            "MCP server 'chaos' crashed (or dropped its connection) and was restarted 3 times (baseline 1, candidate 2); the trials it was serving then count as mcp errors",
            "MCP server 'git' crashed (or dropped its connection) and was restarted 1 time (baseline 0, candidate 1); the trials it was serving then count as mcp errors",
        ])
        let quiet = try write(store, id: "20260101-000200-aaaa0003-baseline", strategy: .toolCall, restarts: [:])
        #expect(!judge.judge(candidate: quiet, baseline: quiet).warnings.contains { $0.hasPrefix("MCP server") })
    }
}
