import ModegateCore
@testable import ModegateHarness
import Testing

/// The arms' view of a session with harness-only tools and a case's own tool list: the others
/// are not listed and are refused, while the harness reaches its own on the session beneath.
@Suite struct CaseToolsSessionTests {
    struct Recorder: ToolSession {
        var tools: [ToolDescriptor] {
            ["deposit", "withdraw", "check"].map { ToolDescriptor(name: $0, description: $0, inputSchema: ["type": "object"]) }
        }
        func call(_ name: String, arguments: JSONValue) async -> ToolReply { .value(["called": .string(name)]) }
        func finalState() async -> JSONValue? { nil }
    }

    @Test func hiddenToolsAreNeitherListedNorCallable() async {
        let session = CaseToolsSession(inner: Recorder(), harness: ["check"])
        #expect(session.tools.map(\.name) == ["deposit", "withdraw"])
        let refused = await session.call("check", arguments: [:])
        #expect(refused.isError && refused.text == "tool 'check' is not available to the agent")
        let allowed = await session.call("deposit", arguments: [:])
        #expect(!allowed.isError && allowed.structuredContent?["called"] == "deposit")
    }

    @Test func aCaseOffersOnlyTheToolsItLists() async {
        let session = CaseToolsSession(inner: Recorder(), harness: ["check"], offered: ["withdraw", "check"])
        #expect(session.tools.map(\.name) == ["withdraw"], "a harness tool stays hidden even when listed")
        let refused = await session.call("deposit", arguments: [:])
        #expect(refused.isError && refused.text == "tool 'deposit' is not offered in this case")
        let allowed = await session.call("withdraw", arguments: [:])
        #expect(!allowed.isError)
    }

    @Test func aCheckerAnswersARewardAsANumberOrAnObject() async {
        struct Checker: ToolSession {
            let reply: ToolReply
            var tools: [ToolDescriptor] { [] }
            func call(_ name: String, arguments: JSONValue) async -> ToolReply { reply }
            func finalState() async -> JSONValue? { nil }
        }
        let plain = await TrialRunner.check(["a": 1], tool: "c", arguments: [:], turn: 1, on: Checker(reply: .value(0.25)))
        #expect(plain.reward == 0.25 && plain.error == nil)
        let object = await TrialRunner.check(["a": 1], tool: "c", arguments: [:], turn: 2, on: Checker(reply: .value(["reward": 3, "detail": "x"])))
        #expect(object.reward == 1 && object.detail == "x", "rewards are clamped to [0, 1]")
        let none = await TrialRunner.check(["a": 1], tool: "c", arguments: [:], turn: 1, on: Checker(reply: .value(["ok": true])))
        #expect(none.error?.category == .mcp && none.error?.message.contains("answered no reward") == true)
        let failed = await TrialRunner.check(["a": 1], tool: "c", arguments: [:], turn: 1, on: Checker(reply: .failure("boom")))
        #expect(failed.error?.message == "the checker c failed: boom")
    }
}
