import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// The model of a run, chosen once before anything plays: a live provider (OpenAI-compatible,
/// Azure OpenAI, Anthropic), the replay of recorded transcripts, or the scripted model. What
/// the rest of the run needs to know about that choice is here, asked by property, never by
/// downcasting the provider.
struct ModelSelection: Sendable {
    enum Source: Sendable, Equatable {
        case live, replay, scripted
    }

    let source: Source
    /// What records name as the run's provider: `replay` and `scripted` for those, else the gate's.
    let provider: ModelPlan.Provider
    let model: any ModelProvider
    /// Set for a replay: which planned trials have a recording, which requests matched none.
    let coverage: (any RecordingCoverage)?
    /// The memory limit of programs the model itself runs in tool-calling trials (the scripted
    /// model plays reference programs in lockstep), so those trials lease a sandbox worker too.
    let programMemoryMB: Int?
    /// The model that runs those programs, when it does.
    var programModel: (any ProgramRunningModel)? = nil

    /// A trial's model session; a model that runs programs runs them on `programs`.
    func session(for trial: TrialContext, programs: any ProgramRunner) -> any ModelSession {
        programModel.map { $0.session(for: trial, programs: programs) } ?? model.session(for: trial)
    }

    /// The one choice of a run: the replay of `cassette` when one is given (`--replay`, or
    /// `provider: replay` with its `model.cassette` files), else the gate's provider. Throws
    /// `ProviderSetupError` for an unset key variable, a URL that makes no endpoint, or
    /// a cassette that cannot be read.
    static func choose(
        _ model: ModelPlan, cassette: [URL]?, candidateLimits: ArmPlan.Limits, sandbox: Sandbox, environment: [String: String]
    ) throws -> ModelSelection {
        if let cassette {
            let provider = try ReplayProvider(files: cassette, gateModel: model.name)
            return ModelSelection(source: .replay, provider: .replay, model: provider, coverage: provider, programMemoryMB: nil)
        }
        if model.provider == .scripted { return scripted(candidateLimits: candidateLimits, sandbox: sandbox) }
        guard let provider = try LiveProvider.make(model, environment: environment) else {
            // A replay without a cassette has nothing to play; the plan stage always gives one.
            throw ProviderSetupError("replay: no cassette to play; set model.cassette or pass --replay RUN")
        }
        return ModelSelection(source: .live, provider: model.provider, model: provider, coverage: nil, programMemoryMB: nil)
    }

    /// The scripted model, with limits of its own: its lockstep program waits on model turns and
    /// tool calls of a whole conversation, and it is harness machinery, not the candidate's
    /// program, so the candidate's limits must not make it fail (at least 1 GB, 10 minutes).
    static func scripted(candidateLimits limits: ArmPlan.Limits, sandbox: Sandbox) -> ModelSelection {
        let replay = SandboxLimits(
            cpuSeconds: Double(limits.timeoutSeconds), wallSeconds: Double(max(limits.timeoutSeconds, 600)),
            memoryMB: max(limits.memoryMB, 1024), maxToolCalls: 1_000_000, maxCodeChars: 10_000_000,
            maxOutputBytes: 100_000_000)
        let model = ScriptedModel(sandbox: sandbox, limits: replay)
        return ModelSelection(
            source: .scripted, provider: .scripted, model: model, coverage: nil, programMemoryMB: replay.memoryMB, programModel: model)
    }
}
