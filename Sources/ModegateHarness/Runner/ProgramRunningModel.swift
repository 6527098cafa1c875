import ModegateProviders
import ModegateSandbox

/// A model that runs programs itself in tool-calling trials (the scripted model plays a case's
/// reference program in lockstep with the conversation): its session runs them on the trial's
/// sandbox worker, so the program, the strategy and the tools stay on one thread.
protocol ProgramRunningModel: ModelProvider {
    func session(for trial: TrialContext, programs: any ProgramRunner) -> any ModelSession
}
