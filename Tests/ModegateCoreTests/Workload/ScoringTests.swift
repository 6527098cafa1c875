@testable import ModegateCore
import Testing

/// Every scorer against values worked out by hand (see each comment), plus the shapes a model's
/// answer can take that a scorer must survive without trapping.
@Suite struct ScoringTests {
    func score(_ spec: ScorerSpec, _ answer: JSONValue, _ expected: JSONValue) -> Score {
        Scoring.score(spec, answer: answer, expected: expected, finalState: nil, expectedState: nil)!
    }

    @Test func exactComparesCanonicalJSON() {
        #expect(score(.exact, ["a": 1, "b": [1, 2.0]], ["b": [1.0, 2], "a": 1.0]).reward == 1)
        #expect(score(.exact, ["n": .number(-0.0)], ["n": 0]).reward == 1)
        #expect(score(.exact, ["a": 1], ["a": 1, "b": nil]).reward == 0)
        #expect(score(.exact, ["a": "1"], ["a": 1]).reward == 0)
        #expect(score(.exact, [1, 2], [2, 1]).reward == 0, "list order matters")
        #expect(score(.exact, ["a": 0.30000000000000004], ["a": 0.3]).reward == 0, "numbers compare exactly")
    }

    @Test func fieldsCountsExpectedFieldsWithTolerance() {
        let expected: JSONValue = ["verdict": "refuted", "count": 10, "nested": ["a": 1.0, "b": "y"], "list": [1, 2],
                                   "missing": true]
        let answer: JSONValue = ["verdict": "refuted", "count": 10.04, "nested": ["a": 1.2, "b": "y", "extra": 3],
                                 "list": [1, 2], "unasked": "fine"]
        // verdict ✓, count ✓ (|0.04| ≤ 0.05), list ✓, nested ✗ (|0.2| > 0.05), missing ✗ → 3/5
        let result = score(.fields(tolerance: 0.05), answer, expected)
        #expect(result.reward == 0.6)
        #expect(result.detail["matched"] == ["count", "list", "verdict"])
        #expect(result.detail["mismatched"] == ["nested"])
        #expect(result.detail["missing"] == ["missing"])
        #expect(score(.fields(tolerance: 0), ["count": 10.04], ["count": 10]).reward == 0)
        #expect(score(.fields(tolerance: 0.5), ["list": [1, 2, 3]], ["list": [1, 2]]).reward == 0, "lengths must agree")
        #expect(score(.fields(tolerance: 0), "x", ["a": 1]).detail["problem"] == "the answer is not an object")
        #expect(score(.fields(tolerance: 1), 3, 3.5).reward == 1, "a non-object expected value is one field")
        #expect(score(.fields(tolerance: 0), ["a": 1], [:]).reward == 1)
    }

    @Test func setF1TreatsListsAsSets() {
        // answer {a, b, c}, expected {b, c, d, e}: P = 2/3, R = 2/4, F1 = 2PR/(P+R) = 4/7
        let result = score(.setF1(field: "urls"), ["urls": ["a", "b", "c", "c"]], ["urls": ["e", "d", "c", "b"]])
        #expect(abs(result.reward - 4.0 / 7.0) < 1e-12)
        #expect(result.detail["precision"]?.doubleValue.map { abs($0 - 2.0 / 3.0) < 1e-12 } == true)
        #expect(result.detail["recall"] == 0.5)
        #expect(result.detail["missing"] == ["d", "e"])
        #expect(result.detail["extra"] == ["a"])
        #expect(score(.setF1(field: "urls"), ["urls": []], ["urls": []]).reward == 1, "two empty sets agree")
        #expect(score(.setF1(field: "urls"), ["urls": []], ["urls": ["a"]]).reward == 0)
        #expect(score(.setF1(field: "urls"), ["urls": [["k": 1]]], ["urls": [["k": 1.0]]]).reward == 1)
    }

    @Test func ndcgUsesGradedGainsFromTheExpectedRanking() {
        // gains a:3, b:2, c:1 (k − rank). Answer b, a, x:
        // DCG = 2/log2(2) + 3/log2(3) + 0; IDCG = 3/log2(2) + 2/log2(3) + 1/log2(4); ratio 0.817493…
        let result = score(.ndcg(field: "ranked", k: 3), ["ranked": ["b", "a", "x"]], ["ranked": ["a", "b", "c"]])
        #expect(abs(result.reward - 0.8174935137996165) < 1e-12)
        #expect(score(.ndcg(field: "ranked", k: 3), ["ranked": ["a", "b", "c"]], ["ranked": ["a", "b", "c"]]).reward == 1)
        // A repeated item earns once: a, a, b counts as a, b: (3 + 2/log2 3) / IDCG = 0.894999…
        let repeated = score(.ndcg(field: "ranked", k: 3), ["ranked": ["a", "a", "b"]], ["ranked": ["a", "b", "c"]])
        #expect(abs(repeated.reward - 0.894999002123018) < 1e-12)
        // Only the first k answered items count.
        #expect(score(.ndcg(field: "ranked", k: 1), ["ranked": ["x", "a"]], ["ranked": ["a", "b"]]).reward == 0)
    }

    @Test func ndcgTakesExplicitBinaryGains() {
        // gains a:1, b:1. Answer x, a: DCG = 1/log2(3); IDCG = 1 + 1/log2(3); ratio 0.386852…
        let result = score(.ndcg(field: "ranked", k: 2), ["ranked": ["x", "a"]], ["ranked": ["a": 1, "b": 1]])
        #expect(abs(result.reward - 0.38685280723454163) < 1e-12)
        #expect(score(.ndcg(field: "ranked", k: 2), ["ranked": []], ["ranked": []]).reward == 1, "nothing to find")
        #expect(score(.ndcg(field: "ranked", k: 2), ["ranked": ["a"]], ["ranked": []]).reward == 0)
    }

    @Test func topKIsTheShareOfTheExpectedTopFound() {
        // answer[:3] = {a, x, b}, expected[:3] = {a, b, c}: 2 / min(3, 4)
        let result = score(.topK(field: "ids", k: 3), ["ids": ["a", "x", "b", "c"]], ["ids": ["a", "b", "c", "d"]])
        #expect(abs(result.reward - 2.0 / 3.0) < 1e-12)
        #expect(result.detail["missing"] == ["c"])
        // Fewer expected items than k: the denominator is the expected count.
        #expect(score(.topK(field: "ids", k: 5), ["ids": ["b", "a"]], ["ids": ["a", "b"]]).reward == 1)
    }

    @Test func perItemComparesPositionByPosition() {
        // 1 ✓, 2 ✓, 9 ✗, missing ✗ → 2/4; the answer's extra item is ignored.
        let result = score(.perItem(field: "cases"), ["cases": [1, 2, 9]], ["cases": [1, 2, 3, 4]])
        #expect(result.reward == 0.5)
        #expect(result.detail["wrong_positions"] == [2, 3])
        #expect(score(.perItem(field: "cases"), ["cases": [1, 2, 3]], ["cases": [1, 2]]).reward == 1)
        #expect(score(.perItem(field: "cases"), ["cases": [["o": 1.0]]], ["cases": [["o": 1]]]).reward == 1)
    }

    @Test func stateComparesTheWholeFinalState() {
        let expected: JSONValue = ["accounts": [["id": "a", "balance": 10]], "log": []]
        let same = Scoring.score(.state, answer: nil, expected: nil, finalState: expected, expectedState: expected)!
        #expect(same.reward == 1)
        let differs: JSONValue = ["accounts": [["id": "a", "balance": 9]], "log": ["x"]]
        let wrong = Scoring.score(.state, answer: nil, expected: nil, finalState: differs, expectedState: expected)!
        #expect(wrong.reward == 0)
        #expect(wrong.detail["differences"] == [
            "state.accounts[0].balance is 9, expected 10", "state.log has 1 items, expected 0",
        ])
        let none = Scoring.score(.state, answer: nil, expected: nil, finalState: nil, expectedState: expected)!
        #expect(none.reward == 0 && none.detail["problem"] != nil)
    }

    @Test(arguments: [
        ScorerSpec.setF1(field: "urls"), .ndcg(field: "urls", k: 3), .topK(field: "urls", k: 3), .perItem(field: "urls"),
    ])
    func missingOrWrongTypedFieldsScoreZeroAndSaySo(spec: ScorerSpec) {
        let expected: JSONValue = ["urls": ["a"]]
        for (answer, problem) in [
            (JSONValue.object([:]), "the answer has no 'urls' field"),
            (["urls": "a"], "the answer's 'urls' is not a list"),
            ("a", "the answer is not an object with a 'urls' list"),
        ] {
            let result = score(spec, answer, expected)
            #expect(result.reward == 0)
            #expect(result.detail["problem"]?.stringValue == problem)
        }
        #expect(score(spec, ["urls": ["a"]], ["other": 1]).reward == 0, "a malformed expected answer scores 0, no trap")
    }

    @Test func javaScriptScorersAreLeftToTheHarness() {
        #expect(Scoring.score(.js(program: "return 1"), answer: 1, expected: 1, finalState: nil, expectedState: nil) == nil)
    }

    @Test func rewardsStayInTheUnitInterval() {
        let answers: [JSONValue] = [["ranked": ["a", "b", "c", "d"]], ["ranked": []], ["ranked": ["z"]]]
        for answer in answers {
            for spec in [ScorerSpec.ndcg(field: "ranked", k: 2), .topK(field: "ranked", k: 2), .setF1(field: "ranked"),
                         .perItem(field: "ranked"), .exact, .fields(tolerance: 0)] {
                let reward = score(spec, answer, ["ranked": ["a", "b"]]).reward
                #expect((0...1).contains(reward), "\(spec) gave \(reward)")
            }
        }
    }
}
