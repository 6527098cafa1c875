import Foundation
import ModegateCore
import ModegateSandbox
import ModegateSuites
import Testing

/// The cases a sweep writes: triage's read exactly like the preset's own scalar cases (each is
/// regenerated from its params), and every suite's swept case is solved by its reference with
/// reward 1 and fetches the shape's fan-out.
@Suite(.serialized) struct SweepCaseTests {
    @Test func triageSweepCasesReproduceThePresetsScalarCases() throws {
        let preset = try #require(BuiltinPresets.presets.first { $0.name == "repo_triage" })
        let scalar = preset.cases.filter { !$0.id.hasSuffix("-batch") }
        #expect(scalar.count == 5)
        for testCase in scalar {
            let shards = try #require(testCase.params["shards"]?.intValue)
            let candidates = try #require(testCase.params["candidates_per_shard"]?.intValue)
            let seed = try #require(testCase.params["seed"]?.intValue)
            let shape = SweepShape(shards: shards, candidates: candidates)
            // The preset's 4x1 case asks for the top 2, not min(5, 4): only k differs, and the sweep's k is the Probe's rule.
            guard testCase.params["k"]?.intValue == min(5, shape.fanOut) else { continue }
            let generated = RepoTriageSuite().sweepCase(shape, seed: seed, id: testCase.id)
            #expect(generated.prompt == testCase.prompt, "\(testCase.id): prompt differs")
            #expect(generated.reference == testCase.reference, "\(testCase.id): reference differs")
            #expect(generated.answerSchema == testCase.answerSchema, "\(testCase.id)")
            #expect(generated.scorer == testCase.scorer, "\(testCase.id)")
            #expect(generated.params == testCase.params, "\(testCase.id)")
        }
    }

    static let suites: [any ParametricSuite] = [RepoTriageSuite(), WebFilteringSuite()]

    @Test(arguments: [SweepShape(shards: 1, candidates: 1), SweepShape(shards: 5, candidates: 5), SweepShape(shards: 3, candidates: 7)])
    func sweptCasesAreSolvedByTheirReferenceAtTheirFanOut(shape: SweepShape) async throws {
        for suite in Self.suites {
            for seed in [42, 43] {
                let testCase = suite.sweepCase(shape, seed: seed, id: "sweep-\(shape)")
                let expected = try #require(testCase.expected ?? suite.oracle(params: testCase.params))
                let session = suite.makeSession(params: testCase.params)
                let run = await ReferenceSandbox.run(try #require(testCase.reference), session: session)
                guard case .value(let answer) = run.outcome else {
                    Issue.record("\(suite.name) \(shape): the reference ended with \(run.outcome.summary)")
                    continue
                }
                #expect(AnswerSchema(testCase.answerSchema).problem(with: answer) == nil, "\(suite.name) \(shape)")
                let score = try #require(Scoring.score(testCase.scorer, answer: answer, expected: expected, finalState: nil, expectedState: nil))
                #expect(score.reward == 1, "\(suite.name) \(shape) seed \(seed): \(score.detail.jsonText)")
                let fetches = run.toolCalls.filter { $0.name == "fetch_candidate" || $0.name == "fetch_page" }.count
                // Triage fetches every candidate; a web window may hold fewer than C pages.
                if suite.name == "repo_triage" { #expect(fetches == shape.fanOut) } else { #expect(fetches <= shape.fanOut && fetches >= shape.fanOut / 2) }
                #expect(testCase.prompt.contains(String(shape.candidates)))
            }
        }
    }
}
