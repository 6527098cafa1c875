import Foundation
@testable import ModegateCore
import Testing

@Suite struct ExplanationTests {
    static func call(_ name: String, _ arguments: JSONValue, error: String? = nil) -> ToolCallTrace {
        ToolCallTrace(name: name, arguments: arguments, isError: error != nil, reply: error ?? "ok")
    }

    static func trial(_ repetition: Int, completed: Bool, reward: Double, calls: [ToolCallTrace]?) -> TrialEvidence {
        let record = TrialRecord(
            runID: "r", preset: "p", caseID: "c", repetition: repetition, strategy: .toolCall, completed: completed,
            reward: reward, scoreDetail: nil, finalAnswer: nil, steps: 1, counters: TrialCounters(), tokensEstimated: false,
            cost: 0, error: completed ? nil : TrialError(category: .answer, message: "no JSON"), firstProgramFailure: nil,
            mcpRestarts: nil, startedAt: Date(timeIntervalSince1970: 0), finishedAt: Date(timeIntervalSince1970: 1))
        return TrialEvidence(record, toolCalls: calls, transcript: TranscriptLocation(path: "t.jsonl", line: repetition + 1))
    }

    @Test func callsPartAtTheFirstDifferenceByNameOrArgumentsNotByFailure() {
        let a = Self.call("search", ["shard": 0])
        let failedA = Self.call("search", ["shard": 0], error: "503")
        let b = Self.call("fetch", ["id": "x"])
        #expect(TrajectoryDivergence.split([a, b], [failedA, b]) == nil, "the same calls; one failed")
        #expect(TrajectoryDivergence.split([a, b], [a]) == .init(index: 1, baseline: b, candidate: nil))
        #expect(TrajectoryDivergence.split([a], [b]) == .init(index: 0, baseline: a, candidate: b))
        #expect(TrajectoryDivergence.split([a, Self.call("search", ["shard": 1])], [a, Self.call("search", ["shard": 2])])?.index == 1)
        #expect(TrajectoryDivergence.split(nil, [a]) == nil, "no trace on record: nothing to compare")
    }

    @Test func aCaseAddsUpItsPairedRepetitions() {
        let failing = Self.call("search", ["shard": 0], error: "injected fault")
        let ok = Self.call("search", ["shard": 0])
        let item = CaseExplanation(
            preset: "p", caseID: "c",
            baseline: [Self.trial(0, completed: true, reward: 1, calls: [ok]), Self.trial(1, completed: true, reward: 1, calls: [ok])],
            candidate: [Self.trial(0, completed: false, reward: 0, calls: [failing]), Self.trial(1, completed: true, reward: 1, calls: [ok]),
                        Self.trial(2, completed: true, reward: 1, calls: [ok])])
        #expect(item.pairs == 2, "repetition 2 has no partner")
        #expect(item.rewardDelta == -0.5 && item.completionDelta == -0.5)
        #expect(item.isLoss && !item.isGain)
        #expect(item.divergences.first?.candidateFirstFailedCall == IndexedCall(index: 0, call: failing))
        #expect(item.divergences.first?.candidateError == "answer: no JSON")
        #expect(item.divergences.first?.baselineFirstFailedCall == nil)
        #expect(!item.baselineFlakiness.isFlaky)
        #expect(abs(item.candidateFlakiness.disagreement - 2.0 / 3.0) < 1e-12, "two of three repetition pairs disagree")
    }

    @Test func longArgumentsAndErrorsAreCutBetweenCharacters() {
        let text = String(repeating: "é", count: 400)
        let trace = ToolCallTrace(name: "t", arguments: .string(text), isError: true, reply: text)
        #expect(trace.arguments.utf8.count <= ToolCallTrace.maxText + "…".utf8.count)
        #expect(trace.arguments.hasSuffix("…") && trace.error?.hasSuffix("…") == true)
        #expect(!trace.arguments.contains("\u{FFFD}"))
        #expect(ToolCallTrace(name: "t", arguments: ["a": 1], isError: false, reply: "x").error == nil)
    }
}
