import Foundation
import ModegateCore
@testable import ModegateHarness
import ModegateProviders
import ModegateSandbox
import Testing

/// The scripted tool-calling policy replays a case's recorded conversation while results
/// repeat, and runs the program live, fed what it has seen, when they differ. Either way the
/// conversation must be exactly the one a fresh live policy would have had.
@Suite struct ScriptedTrajectoryTests {
    /// Counts the programs that really ran.
    final class CountingRunner: ProgramRunner, @unchecked Sendable {
        let inner: any ProgramRunner
        private let lock = NSLock()
        private var runs = 0
        init(_ inner: any ProgramRunner) { self.inner = inner }
        var count: Int { lock.withLock { runs } }
        func run(_ program: String, tools: any SandboxToolHandler, limits: SandboxLimits) async -> SandboxRun {
            lock.withLock { runs += 1 }
            return await inner.run(program, tools: tools, limits: limits)
        }
    }

    /// Inventory tools where chosen items read differently, and chosen calls fail a number of
    /// times first: a changed tool and a flaky one.
    actor AlteredSession: ToolSession {
        let inner: InventorySession
        let values: [String: Double]
        var failuresLeft: [String: Int]
        nonisolated let tools: [ToolDescriptor]

        init(count: Int, values: [String: Double] = [:], failures: [String: Int] = [:]) {
            inner = InventorySession(count: count, tools: InventorySuite().tools)
            tools = inner.tools
            self.values = values
            failuresLeft = failures
        }

        func call(_ name: String, arguments: JSONValue) async -> ToolReply {
            let id = arguments["id"]?.stringValue ?? name
            if let left = failuresLeft[id], left > 0 {
                failuresLeft[id] = left - 1
                return .failure("injected fault: \(id)")
            }
            if let value = values[id] { return .value(["id": .string(id), "value": .number(value)]) }
            return await inner.call(name, arguments: arguments)
        }

        func finalState() async -> JSONValue? { nil }
    }

    struct Conversation: Equatable {
        var turns: [[String]] = []
        var answer = ""
    }

    static let testCase = PresetCase(
        id: "sum", prompt: "Add up the values of every item.", answerSchema: ["type": "object"], expected: nil,
        scorer: .exact, params: ["count": 4], reference: HarnessScratch.reference)

    static func model() -> ScriptedModel {
        ScriptedModel(sandbox: HarnessScratch.sandbox, limits: SandboxLimits(cpuSeconds: 10, wallSeconds: 30, memoryMB: 1024))
    }

    /// Plays one conversation the way the tool-calling strategy does.
    static func converse(_ model: ScriptedModel, _ tools: any ToolSession, programs: any ProgramRunner) async throws -> Conversation {
        let context = TrialContext(
            preset: "inventory", testCase: testCase, repetition: 0, strategy: .toolCall, tools: tools.tools)
        let session = model.session(for: context, programs: programs)
        var messages: [ChatMessage] = [.user(testCase.prompt)]
        var conversation = Conversation()
        for _ in 0..<20 {
            let response = try await session.complete(ModelRequest(messages: messages, tools: tools.tools))
            messages.append(response.message)
            let calls = response.message.toolCalls
            if calls.isEmpty {
                conversation.answer = response.message.content
                break
            }
            conversation.turns.append(calls.map { "\($0.name)\($0.arguments.jsonText)" })
            for call in calls {
                let reply = await tools.call(call.name, arguments: call.arguments)
                messages.append(.toolResult(call.id, reply.text, isError: reply.isError))
            }
        }
        await session.close()
        return conversation
    }

    @Test func aRepeatedConversationRunsNoProgram() async throws {
        let model = Self.model()
        let runner = CountingRunner(HarnessScratch.sandbox)
        let first = try await Self.converse(model, AlteredSession(count: 4), programs: runner)
        let second = try await Self.converse(model, AlteredSession(count: 4), programs: runner)
        #expect(runner.count == 1)
        #expect(first == second)
        #expect(first.answer == #"{"total":100}"#)
        #expect(first.turns.count == 2)
    }

    @Test(arguments: [
        // A changed value in the second wave: the answer must follow it.
        (["item-3": 1000.0], [String: Int]()),
        // A call that fails once is retried, as a live policy retries it.
        ([String: Double](), ["item-2": 1]),
        // A first wave that fails beyond the retries: the program sees the error.
        ([String: Double](), ["list_items": 5]),
    ])
    func aDivergingConversationMatchesAFreshLiveOne(values: [String: Double], failures: [String: Int]) async throws {
        let recorded = Self.model()
        let runner = CountingRunner(HarnessScratch.sandbox)
        let original = try await Self.converse(recorded, AlteredSession(count: 4), programs: runner)
        let replayed = try await Self.converse(
            recorded, AlteredSession(count: 4, values: values, failures: failures), programs: runner)
        let live = try await Self.converse(
            Self.model(), AlteredSession(count: 4, values: values, failures: failures), programs: HarnessScratch.sandbox)
        #expect(replayed == live)
        #expect(runner.count == 2)
        #expect(replayed != original)
    }
}
