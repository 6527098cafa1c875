import ModegateCodeMode
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// The offline model of DESIGN §5: a deterministic policy, not a language model. In code mode it
/// submits the case's reference program; in tool calling it replays that program's tool calls
/// wave by wave (the program runs in lockstep with the conversation) and then answers with what
/// the program returned. It measures the harness and the tools, never a model; its token counts
/// are estimates from bytes and marked so.
public struct ScriptedModel: ProgramRunningModel {
    public let sandbox: Sandbox
    public let limits: SandboxLimits
    /// Times the tool-calling policy re-issues a failed call before passing the error on, as
    /// tool-calling models do when they see an error. Reference programs themselves do not retry.
    public let retries: Int
    /// Conversations already played, replayed while tool results repeat (shared by all trials).
    let trajectories = ScriptedTrajectories()

    public init(sandbox: Sandbox, limits: SandboxLimits, retries: Int = 2) {
        self.sandbox = sandbox
        self.limits = limits
        self.retries = retries
    }

    public var modelName: String { "scripted" }

    public func session(for trial: TrialContext) -> any ModelSession { session(for: trial, programs: sandbox) }

    /// The trial's session, its lockstep programs run by `programs` (the trial's leased worker).
    func session(for trial: TrialContext, programs: any ProgramRunner) -> any ModelSession {
        switch trial.strategy {
        case .codemode: ScriptedCodeModeSession(reference: trial.testCase.reference)
        case .toolCall:
            ScriptedToolCallSession(
                reference: trial.testCase.reference,
                key: trial.testCase.reference.map { .init(preset: trial.preset, caseID: trial.testCase.id, reference: $0) },
                toolNames: trial.tools.map(\.name), programs: programs, limits: limits, retries: retries,
                trajectories: trajectories)
        }
    }

    /// Usage of one scripted turn, estimated from the bytes of the request and of the answer.
    static func usage(_ request: ModelRequest, _ message: ChatMessage) -> TokenUsage {
        TokenUsage.estimate(promptBytes: request.byteCount, completionBytes: message.byteCount)
    }

    static func respond(_ request: ModelRequest, _ message: ChatMessage) -> ModelResponse {
        ModelResponse(
            message: message, usage: usage(request, message),
            stopReason: message.toolCalls.isEmpty ? .endTurn : .toolUse)
    }
}

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
