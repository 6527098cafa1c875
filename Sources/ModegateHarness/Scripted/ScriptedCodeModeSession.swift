import ModegateCodeMode
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// Code mode: one `run_code` call with the reference program, then the program's value as the answer.
actor ScriptedCodeModeSession: ModelSession {
    let reference: String?
    /// The id of its call: a multi-turn conversation makes one call per turn, each its own id.
    let callID: String

    init(reference: String?, callID: String = "call_1") {
        self.reference = reference
        self.callID = callID
    }

    static let executeNames = [CodeModeTools.runCode] + CodeModeRoles.knownExecute

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        guard let reference else {
            return ScriptedModel.respond(request, ChatMessage(role: .assistant, content: "This case has no reference program to submit."))
        }
        // Only this turn's messages: an earlier turn's program result is not this one's.
        let turn = request.messages.lastIndex(where: { $0.role == .user }).map { request.messages[($0 + 1)...] } ?? request.messages[...]
        guard let result = turn.last(where: { $0.role == .tool }) else {
            // The built-in runtime's run_code, or an external Code Mode server's execute tool.
            let execute = Self.executeNames.first { name in request.tools.contains { $0.name == name } }
                ?? request.tools.first { $0.inputSchema["properties"]?["code"] != nil }?.name ?? CodeModeTools.runCode
            let call = ModelToolCall(id: callID, name: execute, arguments: ["code": .string(reference)])
            return ScriptedModel.respond(request, ChatMessage(role: .assistant, content: "", toolCalls: [call]))
        }
        return ScriptedModel.respond(request, ChatMessage(role: .assistant, content: Self.answer(from: result)))
    }

    /// The program's value as the final answer, or a plain-text account of why there is none.
    static func answer(from result: ChatMessage) -> String {
        guard !result.isError, let parsed = try? JSONValue.parse(result.content), let value = parsed["result"] else {
            return "The program did not produce a result: \(result.content)"
        }
        return value.jsonText
    }
}
