import Foundation
@testable import ModegateCore
@testable import ModegateHarness
import ModegateProviders
import Testing

@Suite struct FunctionNameMapTests {
    static func tool(_ name: String) -> ToolDescriptor { ToolDescriptor(name: name, description: "", inputSchema: ["type": "object"]) }

    @Test func invalidNamesAreOfferedUniqueValidNamesAndValidOnesAreKept() {
        let map = FunctionNameMap([Self.tool("git.log"), Self.tool("git_log"), Self.tool("fs/read"), Self.tool("ok-name"),
                                   Self.tool(String(repeating: "é", count: 70))])
        #expect(map.renamed["git.log"] == "git_log_2", "git_log is taken by a tool of that name")
        #expect(map.renamed["fs/read"] == "fs_read")
        #expect(map.renamed["git_log"] == nil && map.renamed["ok-name"] == nil)
        #expect(map.renamed[String(repeating: "é", count: 70)] == String(repeating: "_", count: 64))
        #expect(map.tool(named: "git_log_2") == "git.log" && map.tool(named: "git_log") == "git_log")
        #expect(map.renamed.values.allSatisfy(FunctionNameMap.isValid))
        #expect(FunctionNameMap([Self.tool("b.x"), Self.tool("a.x")]).renamed == FunctionNameMap([Self.tool("a.x"), Self.tool("b.x")]).renamed)
    }

    /// A model that calls the first offered tool once, then answers; it keeps what it was offered.
    final class CallingModel: ModelSession, @unchecked Sendable {
        var offered: [String] = []
        func complete(_ request: ModelRequest) async throws -> ModelResponse {
            offered = request.tools.map(\.name)
            let usage = TokenUsage(prompt: 1, completion: 1, estimated: true)
            if request.messages.contains(where: { $0.role == .tool }) {
                return ModelResponse(message: ChatMessage(role: .assistant, content: "{\"ok\": true}"), usage: usage, stopReason: .endTurn)
            }
            let call = ModelToolCall(id: "call_1", name: offered[0], arguments: [:])
            return ModelResponse(message: ChatMessage(role: .assistant, content: "", toolCalls: [call]), usage: usage, stopReason: .toolUse)
        }
        func close() async {}
    }

    struct DottedTools: ToolSession {
        let called = Called()
        final class Called: @unchecked Sendable { var names: [String] = [] }
        var tools: [ToolDescriptor] { [FunctionNameMapTests.tool("git.log")] }
        func call(_ name: String, arguments: JSONValue) async -> ToolReply {
            called.names.append(name)
            return ToolReply(structuredContent: nil, text: name == "git.log" ? "log" : "unknown tool", isError: name != "git.log")
        }
        func finalState() async -> JSONValue? { nil }
        func infrastructureFailure() async -> TrialError? { nil }
    }

    /// The tool-calling arm offers `git.log` as `git_log` and the model's call reaches `git.log`.
    @Test func theToolCallingArmOffersTheValidNameAndMapsTheCallBack() async {
        let tools = DottedTools()
        let tally = ToolTally()
        let session = TalliedSession(inner: tools, tally: tally)
        let testCase = PresetCase(id: "c", prompt: "Read the log.", answerSchema: ["type": "object"], expected: nil,
                                  scorer: .exact, params: [:], reference: "return {};")
        let setup = TrialSetup(
            context: TrialContext(preset: "p", testCase: testCase, repetition: 0, strategy: .toolCall, tools: session.tools),
            session: session, maxSteps: 4, budget: BudgetGuard(plan: BudgetPlan()), modelName: "m")
        let model = CallingModel()
        var meter = TrialMeter()
        let ending = await ToolCallStrategy().play(setup, model: model, meter: &meter)
        #expect(model.offered == ["git_log"])
        #expect(tools.called.names == ["git.log"])
        #expect(ending.finalText == "{\"ok\": true}")
        #expect(meter.unknownToolCalls == 0 && meter.failedToolCalls == 0)
    }
}
