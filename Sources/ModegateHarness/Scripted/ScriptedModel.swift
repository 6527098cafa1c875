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
    /// Where it runs reference programs when a trial has no leased worker.
    public let sandbox: Sandbox
    /// The limits of its own lockstep programs (not the candidate's).
    public let limits: SandboxLimits
    /// Times the tool-calling policy re-issues a failed call before passing the error on, as
    /// tool-calling models do when they see an error. Reference programs themselves do not retry.
    public let retries: Int
    /// Conversations already played, replayed while tool results repeat (shared by all trials).
    let trajectories = ScriptedTrajectories()

    /// The scripted model over `sandbox`; `retries` as described above.
    public init(sandbox: Sandbox, limits: SandboxLimits, retries: Int = 2) {
        self.sandbox = sandbox
        self.limits = limits
        self.retries = retries
    }

    /// Records name it `scripted`.
    public var modelName: String { "scripted" }

    /// A session running its programs in the shared sandbox.
    public func session(for trial: TrialContext) -> any ModelSession { session(for: trial, programs: sandbox) }

    /// The trial's session, its lockstep programs run by `programs` (the trial's leased worker).
    func session(for trial: TrialContext, programs: any ProgramRunner) -> any ModelSession {
        switch trial.strategy {
        case .codemode: ScriptedCodeModeSession(reference: trial.testCase.reference)
        case .toolCall:
            ScriptedToolCallSession(
                reference: trial.testCase.reference,
                key: trial.testCase.reference.map {
                    .init(preset: trial.preset, caseID: trial.testCase.id, reference: $0, toolNames: trial.tools.map(\.name))
                },
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
