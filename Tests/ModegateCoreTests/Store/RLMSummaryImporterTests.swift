import Foundation
import Testing
@testable import ModegateCore

/// Coercions as RLM Code's compare applies them.
@Suite struct RLMSummaryImporterTests {
    @Test func coercesLikePython() throws {
        let run = try RLMSummaryImporter.importing([
            "total_cases": 3.9, "completed_cases": "2", "avg_reward": "0.5", "avg_steps": nil,
            "case_results": [
                ["case_id": 1, "completed": "false", "total_reward": nil, "steps": 2],
                ["case_id": "", "completed": true],
                ["case_id": "b", "completed": true, "total_reward": 0.2, "steps": 1],
                ["case_id": "b", "completed": false, "total_reward": 0.4, "steps": 5],
                "not an object",
            ],
        ], path: "/tmp/bench_x.json")
        #expect(run.summary.totalCases == 3)
        #expect(run.summary.completedCases == 2)
        #expect(run.summary.avgReward == 0.5)
        #expect(run.summary.avgSteps == 0)
        #expect(run.id == "bench_x")
        #expect(run.trials.map(\.key.caseID) == ["1", "b"])
        #expect(run.trials[0].completed, "the string 'false' is truthy in Python")
        #expect(run.trials[1].reward == 0.4, "a later duplicate id wins")
    }

    @Test func rejectsWhatRLMCodeRejects() {
        #expect(throws: StoreError.self) { try RLMSummaryImporter.importing(["total_cases": "3.5"], path: "/x.json") }
        #expect(throws: StoreError.self) { try RLMSummaryImporter.importing(["avg_reward": "high"], path: "/x.json") }
    }

    @Test func recognisesSummariesButNotReports() {
        #expect(RLMSummaryImporter.recognizes(["benchmark_id": "bench_1", "case_results": []]))
        #expect(!RLMSummaryImporter.recognizes(["schema_version": 1, "benchmark_id": "x"]))
        #expect(!RLMSummaryImporter.recognizes(["command": "rlm_bench_compare"]))
        #expect(!RLMSummaryImporter.recognizes([1, 2]))
    }

    @Test func idTimestampOrdersRunsWithoutOne() throws {
        let run = try RLMSummaryImporter.importing(["benchmark_id": "bench_20250301_101500_123456"], path: "/x.json")
        #expect(run.finishedAt == ISO8601Timestamp.parse("2025-03-01T10:15:00.123456Z"))
    }
}
