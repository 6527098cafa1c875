import Foundation
import ModegateCore
@testable import ModegateHarness
import Synchronization
import Testing

@Suite struct GateRunnerTests {
    /// The trials that did not complete with full reward, with the reason from their records.
    static func failures(_ run: StoredRun) -> String {
        let folder = URL(fileURLWithPath: run.path).appendingPathComponent("results.jsonl")
        let lines = (try? String(contentsOf: folder, encoding: .utf8))?.split(separator: "\n") ?? []
        let odd = run.trials.filter { !($0.completed && $0.reward == 1) }.map { "\($0.key) \($0.completed) \($0.reward)" }
        return odd.joined(separator: "; ") + "\n" + lines.filter { !$0.contains("\"reward\":1,") }.prefix(2).joined(separator: "\n")
    }

    @Test func bothArmsPlayEveryTrialAndTheGatePasses() async throws {
        let scratch = try HarnessScratch()
        let outcome = try await scratch.runner(try scratch.gate()).run()
        #expect(outcome.stoppedEarly == nil)
        #expect(outcome.verdict.status == .pass, "\(outcome.verdict.gates.map(\.detail))")
        #expect(outcome.baseline.trials.count == 8)
        #expect(outcome.candidate.trials.count == 8)
        #expect(outcome.baseline.trials.allSatisfy { $0.completed && $0.reward == 1 }, "\(Self.failures(outcome.baseline))")
        #expect(outcome.candidate.trials.allSatisfy { $0.completed && $0.reward == 1 }, "\(Self.failures(outcome.candidate))")
        // Tool calling: the list wave, the fetch wave, then the answer; code mode: run_code, then the answer.
        #expect(outcome.baseline.trials.allSatisfy { $0.steps == 3 })
        #expect(outcome.candidate.trials.allSatisfy { $0.steps == 2 })
    }

    @Test func recordsCarryEveryCounter() async throws {
        let scratch = try HarnessScratch(cases: 1)
        let outcome = try await scratch.runner(try scratch.gate(repetitions: 1)).run()
        let folder = URL(fileURLWithPath: outcome.candidate.path)
        let lines = try String(contentsOf: folder.appendingPathComponent("results.jsonl"), encoding: .utf8)
        let candidate = try StableJSON.decoder().decode(TrialRecord.self, from: Data(lines.split(separator: "\n")[0].utf8))
        #expect(candidate.codemodeChainCalls == 1)
        #expect(candidate.toolCalls == 3)
        #expect(candidate.tokensEstimated)
        #expect(candidate.toolResponseBytes > candidate.modelVisibleToolBytes)
        #expect(candidate.latency.sandbox > 0)
        #expect(candidate.finalAnswer == ["total": 30])
        let summary = try String(contentsOf: folder.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"payload_suppression\""))
    }

    @Test func toolFaultsCostCodeModeItsCompletions() async throws {
        let scratch = try HarnessScratch(cases: 6)
        let plan = try scratch.gate("tools: {faults: {inventory: {error_rate: 0.3, seed: 5}}}", repetitions: 2)
        let outcome = try await scratch.runner(plan).run()
        #expect(outcome.verdict.status == .fail)
        #expect(!outcome.verdict.completionRegressions.isEmpty)
        #expect(outcome.baseline.trials.filter(\.completed).count > outcome.candidate.trials.filter(\.completed).count)
    }

    @Test func budgetStopsTheRunAndTheVerdictIsAnError() async throws {
        let scratch = try HarnessScratch(cases: 4)
        let plan = try scratch.gate("budget: {max_model_requests: 5}")
        let outcome = try await scratch.runner(plan, .init(concurrency: 1)).run()
        #expect(outcome.stoppedEarly == .budget(.modelRequests(5)))
        #expect(outcome.verdict.status == .error)
        #expect(outcome.verdict.exitStatus == .runError)
    }
}

/// Stops the run after the batch with the given index, and notes what it was shown.
final class StopAfterBatch: BatchReview {
    let index: Int
    let seen = Mutex<[[ArmRole: Int]]>([])

    init(index: Int) { self.index = index }

    func review(afterBatch index: Int, trials: [ArmRole: [TrialRecord]]) async -> String? {
        seen.withLock { $0.append(trials.mapValues(\.count)) }
        return index == self.index ? "decided after batch \(index + 1)" : nil
    }
}

@Suite struct GateRunnerPipelineTests {
    @Test func batchesAreReviewedAndAReviewStopsTheRun() async throws {
        let scratch = try HarnessScratch(cases: 6)
        let review = StopAfterBatch(index: 1)
        let outcome = try await scratch.runner(try scratch.gate(repetitions: 1), .init(batching: .init(cases: 2, review: review)))
            .run()
        #expect(outcome.stoppedEarly == .requested("decided after batch 2"))
        // Two batches of two cases, both arms in each, then the stop.
        #expect(review.seen.withLock { $0 } == [[.baseline: 2, .candidate: 2], [.baseline: 4, .candidate: 4]])
        #expect(outcome.baseline.trials.count == 4)
        #expect(outcome.candidate.trials.count == 4)
        // Stopped because the question was answered: finished, not cancelled.
        #expect(!outcome.candidate.cancelled && outcome.candidate.cancelReason == nil)
    }

    @Test func unbatchedAndBatchedRunsPlayTheSameTrials() async throws {
        let scratch = try HarnessScratch(cases: 5)
        let whole = try await scratch.runner(try scratch.gate(repetitions: 2, armOrder: "interleaved")).run()
        let batched = try await scratch.runner(try scratch.gate(repetitions: 2, armOrder: "interleaved"), .init(batching: .init(cases: 2, review: StopAfterBatch(index: -1))))
            .run()
        #expect(batched.stoppedEarly == nil)
        func figures(_ outcome: GateRunner.Outcome) -> [String] {
            (outcome.baseline.trials + outcome.candidate.trials).map { "\($0.key) \($0.completed) \($0.reward) \($0.steps)" }.sorted()
        }
        #expect(figures(batched) == figures(whole))
    }

    @Test func aStoredArmIsJudgedWithoutBeingPlayedAgain() async throws {
        let scratch = try HarnessScratch(cases: 3)
        let plan = try scratch.gate(repetitions: 1)
        let first = try await scratch.runner(plan).run()
        let before = scratch.store.catalog().entries.count
        let second = try await scratch.runner(plan, .init(reuse: [.baseline: first.baseline])).run()
        // Only the candidate was played: one new run in the store.
        #expect(scratch.store.catalog().entries.count == before + 1)
        #expect(second.baseline.id == first.baseline.id)
        #expect(second.candidate.id != first.candidate.id)
        #expect(second.verdict.status == first.verdict.status)
        #expect(second.verdict.gates.map(\.status) == first.verdict.gates.map(\.status))
    }

    @Test func theEstimateRehearsesInMemoryAndStoresNothing() async throws {
        let scratch = try HarnessScratch(cases: 3)
        let estimate = try await scratch.runner(try scratch.gate(repetitions: 2)).estimate()
        #expect(scratch.store.catalog().entries.isEmpty)
        #expect(estimate.arms.map(\.name) == ["baseline", "candidate"])
        #expect(estimate.arms.map(\.trials) == [6, 6])
        // Tool calling takes three requests a case, code mode two (see the first test).
        #expect(estimate.arms.map(\.requests) == [18, 12])
        #expect(estimate.arms.allSatisfy { $0.promptTokens > 0 && $0.unrehearsedTrials == 0 })
    }

    @Test func aReusedBaselineIsLeftOutOfTheEstimate() async throws {
        let scratch = try HarnessScratch(cases: 3)
        let plan = try scratch.gate(repetitions: 2)
        let first = try await scratch.runner(plan).run()
        let estimate = try await scratch.runner(plan, .init(reuse: [.baseline: first.baseline])).estimate()
        // It is read from the store, not played: nothing to pay for.
        #expect(estimate.arms.map(\.name) == ["candidate"])
        #expect(estimate.arms.map(\.requests) == [12])
    }
}

@Suite struct AdoptionCountingTests {
    @Test func unknownToolsAndFailedFirstProgramsAreCountedInBothArms() async throws {
        let scratch = try HarnessScratch(cases: 1)
        let yaml = """
            preset: inventory
            description: a reference that calls a tool the suite lacks, and one with a bad argument
            suite: inventory
            cases:
              - id: unknown-tool
                prompt: Count the items.
                answer_schema: {type: object, required: [total], properties: {total: {type: number}}}
                expected: {total: 0}
                scorer: exact
                params: {count: 2}
                reference: |
                  try { await tools.get_item({id: 42}); } catch (error) {}
                  await tools.nope({});
                  return {total: 0};
            """
        try yaml.write(to: scratch.url.appendingPathComponent("presets/inventory.yaml"), atomically: true, encoding: .utf8)
        let outcome = try await scratch.runner(try scratch.gate(repetitions: 1)).run()
        let candidate = try #require(outcome.candidate.adoption)
        #expect(candidate.firstProgramFailures == ["unknown_tool": 1], "\(candidate)")
        #expect(candidate.unknownToolCalls == 1)
        #expect(candidate.invalidArgumentCalls == 1)
        #expect(candidate.trialsWithoutCode == 0)
        // The scripted tool caller replays the program's calls, and re-issues a failed call twice
        // as tool-calling models do; the program stops at `tools.nope`, so that call never comes.
        let baseline = try #require(outcome.baseline.adoption)
        #expect(baseline.invalidArgumentCalls == 3, "\(baseline)")
    }

    @Test func toolCallChecksCountUnknownToolsAndInvalidArguments() {
        let checks = ToolCallChecks([ToolDescriptor(
            name: "get", description: "", inputSchema: ["type": "object", "required": ["id"], "properties": ["id": ["type": "string"]]])])
        var counters = TrialCounters()
        #expect(!checks.count("get", arguments: ["id": "a"], into: &counters))
        #expect(!checks.count("get", arguments: ["id": 1], into: &counters))
        #expect(checks.count("put", arguments: [:], into: &counters))
        #expect(counters.unknownToolCalls == 1 && counters.invalidArgumentCalls == 1)
        #expect(ToolCallChecks.missingTool(in: "TypeError: tools.nope is not a function. (In 'tools.nope({})', 'tools.nope' is undefined)") == "nope")
        #expect(ToolCallChecks.missingTool(in: "ReferenceError: x is not defined") == nil)
    }
}

@Suite struct GateRunnerOrderTests {
    @Test func interleavedOrderGivesTheSameTrialsAsSequential() async throws {
        let scratch = try HarnessScratch(cases: 3)
        let sequential = try await scratch.runner(try scratch.gate(repetitions: 2)).run()
        let interleaved = try await scratch.runner(try scratch.gate(repetitions: 2, armOrder: "interleaved")).run()
        #expect(interleaved.verdict.status == .pass)
        func figures(_ outcome: GateRunner.Outcome) -> [String] {
            (outcome.baseline.trials + outcome.candidate.trials).map { "\($0.key) \($0.completed) \($0.reward) \($0.steps)" }.sorted()
        }
        #expect(figures(interleaved) == figures(sequential))
    }
}

@Suite struct JavaScriptScorerTests {
    @Test func scorerProgramSeesAnswerAndExpected() async throws {
        let scratch = try HarnessScratch(cases: 1)
        let yaml = """
            preset: inventory
            description: js-scored
            suite: inventory
            cases:
              - id: sum-js
                prompt: Add up the values.
                answer_schema: {type: object, required: [total], properties: {total: {type: number}}}
                scorer: {kind: js, program: "return answer.total === expected.total ? 1 : 0.25"}
                params: {count: 2}
                reference: |
                  const ids = await tools.list_items({});
                  const items = await Promise.all(ids.map(id => tools.get_item({id})));
                  return {total: items.reduce((sum, item) => sum + item.value, 0) + 1};
            """
        try yaml.write(to: scratch.url.appendingPathComponent("presets/inventory.yaml"), atomically: true, encoding: .utf8)
        let outcome = try await scratch.runner(try scratch.gate(repetitions: 1)).run()
        #expect(outcome.candidate.trials.map(\.reward) == [0.25])
        #expect(outcome.baseline.trials.map(\.reward) == [0.25])
    }
}

@Suite struct ToolContractTests {
    static let tools = [
        ToolDescriptor(name: "git.log", description: "", inputSchema: ["type": "object"]),
        ToolDescriptor(name: "get_user", description: "", inputSchema: ["type": "object"], outputSchema: ["type": "array"]),
        ToolDescriptor(name: String(repeating: "x", count: 65), description: "", inputSchema: ["type": "object"]),
    ]

    @Test func namesAProgramOrAProviderCannotUseAreWarnedAboutByName() {
        let codemode = ToolContract.warnings(tools: Self.tools, strategy: .codemode)
        #expect(codemode.contains { $0.hasPrefix("tool 'git.log' is not a JavaScript identifier") })
        #expect(!codemode.contains { $0.contains("'get_user' is not") })
        let toolCall = ToolContract.warnings(tools: Self.tools, strategy: .toolCall)
        #expect(toolCall.contains { $0.hasPrefix("tool 'git.log' is not a valid function name") })
        #expect(toolCall.contains { $0.contains(String(repeating: "x", count: 65)) })
        #expect(toolCall.contains { $0.hasPrefix("tool 'get_user' has an outputSchema whose type is not object") })
    }

    @Test func aCleanSuiteHasNoWarnings() {
        let clean = [ToolDescriptor(name: "list_items", description: "", inputSchema: ["type": "object"])]
        #expect(ToolContract.warnings(tools: clean, strategy: .codemode).isEmpty)
        #expect(ToolContract.warnings(tools: clean, strategy: .toolCall).isEmpty)
    }
}

@Suite struct OutputConformanceTests {
    static let tool = ToolDescriptor(
        name: "count", description: "", inputSchema: ["type": "object"],
        outputSchema: ["type": "object", "required": ["n"], "properties": ["n": ["type": "integer"]]])

    @Test func conformingRepliesAreQuietAndTheFirstMisfitIsNamedOnce() {
        let conformance = OutputConformance()
        conformance.check(.value(["n": 3]), of: Self.tool)
        conformance.check(.failure("boom"), of: Self.tool)
        #expect(conformance.warnings.isEmpty)
        conformance.check(.value(["n": "three"]), of: Self.tool)
        conformance.check(ToolReply(structuredContent: nil, text: "3"), of: Self.tool)
        #expect(conformance.warnings.count == 1)
        #expect(conformance.warnings[0].hasPrefix("tool 'count' answered outside its outputSchema: "), "\(conformance.warnings)")
        // A tool without an outputSchema is not checked.
        conformance.check(ToolReply(structuredContent: nil, text: "x"),
                          of: ToolDescriptor(name: "free", description: "", inputSchema: ["type": "object"]))
        #expect(conformance.warnings.count == 1)
    }
}
