import Foundation
import ModegateCore
import ModegateSandbox
import ModegateSuites
import Testing

/// Every built-in case's reference program, run in the real sandbox against a fresh session of
/// its suite, earns reward 1 against the independently stated (or oracle-computed) expected
/// answer; and a wrong answer, or a stray extra action on a stateful suite, earns less.
/// Serialized: the programs share two warm workers instead of starting one per case.
@Suite(.serialized) struct ReferenceProgramTests {
    struct Outcome {
        var answer: JSONValue
        var session: any ToolSession
        var run: SandboxRun
    }

    static func runReference(_ entry: BuiltinPresets.Case) async throws -> Outcome {
        let program = try #require(entry.testCase.reference)
        let session = entry.suite.makeSession(params: entry.testCase.params)
        let run = await ReferenceSandbox.run(program, session: session)
        guard case .value(let answer) = run.outcome else {
            Issue.record("\(entry.key): the reference ended with \(run.outcome.kind): \(run.outcome.summary)")
            throw CancellationError()
        }
        return Outcome(answer: answer, session: session, run: run)
    }

    static func score(_ entry: BuiltinPresets.Case, answer: JSONValue, session: any ToolSession) async throws -> Score {
        let expected = try #require(entry.expected)
        let isState = entry.testCase.scorer == .state
        let finalState = isState ? await session.finalState() : nil
        return try #require(Scoring.score(
            entry.testCase.scorer, answer: answer, expected: expected, finalState: finalState,
            expectedState: isState ? entry.expectedState : nil))
    }

    /// Cases whose inputs are meant to make a tool fail (and whose programs catch it).
    static let probesFailures: Set<String> = ["colleague-teams", "probe-digital-root", "probe-collatz-steps"]

    @Test(arguments: BuiltinPresets.cases)
    func referenceEarnsFullReward(entry: BuiltinPresets.Case) async throws {
        let outcome = try await Self.runReference(entry)
        #expect(AnswerSchema(entry.testCase.answerSchema).problem(with: outcome.answer) == nil,
                "\(entry.key): the reference's answer breaks the answer schema: \(outcome.answer.jsonText)")
        let score = try await Self.score(entry, answer: outcome.answer, session: outcome.session)
        #expect(score.reward == 1, "\(entry.key): reward \(score.reward), detail \(score.detail.jsonText)")
        let failures = outcome.run.toolCalls.filter { if case .failure = $0.result { true } else { false } }
        #expect(failures.isEmpty || Self.probesFailures.contains(entry.testCase.id),
                "\(entry.key): unexpected tool failures \(failures.map(\.result))")
        // Every result the program received is what its tool's outputSchema says.
        for call in outcome.run.toolCalls {
            guard case .success(let value) = call.result,
                  let schema = entry.suite.tools.first(where: { $0.name == call.name })?.outputSchema else { continue }
            #expect(AnswerSchema(schema).problem(with: value) == nil,
                    "\(entry.key): \(call.name) answered outside its outputSchema: \(AnswerSchema(schema).problem(with: value) ?? "")")
        }
    }

    @Test(arguments: BuiltinPresets.cases)
    func wrongAnswerLosesReward(entry: BuiltinPresets.Case) async throws {
        let outcome = try await Self.runReference(entry)
        if entry.testCase.scorer == .state {
            // A program that does one thing too many leaves different books.
            let stray = await outcome.session.call("record_transaction", arguments: [
                "account_id": "operating", "amount_cents": -1, "description": "stray", "category": "other",
            ])
            #expect(!stray.isError)
            let score = try await Self.score(entry, answer: outcome.answer, session: outcome.session)
            #expect(score.reward < 1, "\(entry.key): a stray transaction still earned \(score.reward)")
        } else {
            let wrong = AnswerMutation.perturbed(outcome.answer)
            #expect(wrong != outcome.answer)
            let score = try await Self.score(entry, answer: wrong, session: outcome.session)
            #expect(score.reward < 1, "\(entry.key): the wrong answer \(wrong.jsonText) still earned \(score.reward)")
        }
    }
}
