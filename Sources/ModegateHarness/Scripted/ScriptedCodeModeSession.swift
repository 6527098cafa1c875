import ModegateCodeMode
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// Code mode: one `run_code` call with the reference program, then the program's value as the answer.
actor ScriptedCodeModeSession: ModelSession {
    let reference: String?

    init(reference: String?) { self.reference = reference }

    static let executeNames = [CodeModeTools.runCode] + CodeModeRoles.knownExecute

    func complete(_ request: ModelRequest) async throws -> ModelResponse {
        guard let reference else {
            return ScriptedModel.respond(request, ChatMessage(role: .assistant, content: "This case has no reference program to submit."))
        }
        guard let result = request.messages.last(where: { $0.role == .tool }) else {
            // The built-in runtime's run_code, or an external Code Mode server's execute tool.
            let execute = Self.executeNames.first { name in request.tools.contains { $0.name == name } }
                ?? request.tools.first { $0.inputSchema["properties"]?["code"] != nil }?.name ?? CodeModeTools.runCode
            let call = ModelToolCall(id: "call_1", name: execute, arguments: ["code": .string(reference)])
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
