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
        guard !trial.testCase.followUps.isEmpty else { return session(for: trial, turn: 0, programs: programs) }
        return ScriptedTurnsSession { [self] turn in session(for: trial, turn: turn, programs: programs) }
    }

    /// The session that plays turn `turn` of the trial's case with that turn's reference program.
    private func session(for trial: TrialContext, turn: Int, programs: any ProgramRunner) -> any ModelSession {
        let testCase = trial.testCase
        let reference = turn == 0 ? testCase.reference : testCase.followUps[min(turn, testCase.followUps.count) - 1].reference
        // Ids stay unique across the turns of one conversation.
        let prefix = turn == 0 ? "call_" : "turn\(turn + 1)_call_"
        switch trial.strategy {
        case .codemode: return ScriptedCodeModeSession(reference: reference, callID: prefix + "1")
        case .toolCall:
            return ScriptedToolCallSession(
                reference: reference,
                key: reference.map {
                    .init(preset: trial.preset, caseID: testCase.id, reference: $0, toolNames: trial.tools.map(\.name), turn: turn)
                },
                toolNames: trial.tools.map(\.name), programs: programs, limits: limits, retries: retries,
                trajectories: trajectories, callPrefix: prefix)
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
