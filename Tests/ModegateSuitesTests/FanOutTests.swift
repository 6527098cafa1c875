import Foundation
import ModegateCore
import ModegateSandbox
@testable import ModegateSuites
import Testing

/// The 20×50 fan-out the harness benchmark uses: 1,000 candidates, each fetched by its own call.
/// Not a preset case (it needs more tool calls than the default limit of 500), but it must work.
@Suite(.serialized) struct FanOutTests {
    static let program = """
        const score = (c) =>
          0.35 * c.relevance + 0.20 * Math.min(c.approvals, 4) / 4 + 0.20 * (c.ci_passing ? 1 : 0) +
          0.10 * Math.min(c.reactions, 50) / 50 + 0.10 * Math.max(0, 1 - c.age_days / 60) +
          0.05 * Math.max(0, 1 - c.changed_files / 100);
        const shards = await Promise.all(Array.from({length: 20}, (_, shard) => tools.search_shard({shard})));
        const records = await Promise.all(shards.flatMap((s) => s.ids).map((id) => tools.fetch_candidate({id})));
        const ranked = records.filter((c) => !c.draft && !c.author_is_bot)
          .map((c) => ({id: c.id, score: score(c)}))
          .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
        return {ranked: ranked.slice(0, 5).map((c) => c.id)};
        """

    @Test(arguments: [256, 768])
    func fanOutReferenceRanksAThousandCandidates(payloadBytes: Int) async throws {
        let params: JSONValue = ["shards": 20, "candidates_per_shard": 50, "k": 5, "seed": 1,
                                 "payload_bytes": .number(Double(payloadBytes))]
        let suite = RepoTriageSuite()
        let run = await ReferenceSandbox.run(Self.program, session: suite.makeSession(params: params))
        guard case .value(let answer) = run.outcome else {
            Issue.record("the fan-out program ended with \(run.outcome.summary)")
            return
        }
        #expect(run.toolCalls.count == 1020)
        let expected = try #require(suite.oracle(params: params))
        let score = try #require(Scoring.score(
            .ndcg(field: "ranked", k: 5), answer: answer, expected: expected, finalState: nil, expectedState: nil))
        #expect(score.reward == 1)
        let bytes = run.toolCalls.reduce(0) { total, call in
            if case .success(let value) = call.result { return total + value.jsonText.utf8.count }
            return total
        }
        print("fan-out 20x50, payload_bytes \(payloadBytes): \(run.toolCalls.count) tool calls in \(run.waves) waves, "
              + "\(bytes) bytes of tool results, \(String(format: "%.1f", run.wallSeconds * 1000)) ms in the sandbox")
    }
}
