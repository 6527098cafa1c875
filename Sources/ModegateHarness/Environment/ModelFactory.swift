import Foundation
import ModegateCore
import ModegateSandbox

/// Makes a run's one model: the seam where a test puts a model of its own.
protocol ModelFactory: Sendable {
    /// The gate's model, or the replay of `cassette` when one is given. Throws
    /// `ProviderSetupError` for what the model cannot be set up with.
    func model(_ plan: ModelPlan, cassette: [URL]?, candidateLimits: ArmPlan.Limits, sandbox: Sandbox,
               variables: [String: String]) throws -> ModelSelection
    /// The scripted model, whatever the gate names (the estimate's rehearsal).
    func scripted(candidateLimits: ArmPlan.Limits, sandbox: Sandbox) -> ModelSelection
}

/// The providers of `ModegateProviders`, a replay's cassette, or the scripted model.
struct ProviderModels: ModelFactory {
    func model(_ plan: ModelPlan, cassette: [URL]?, candidateLimits: ArmPlan.Limits, sandbox: Sandbox,
               variables: [String: String]) throws -> ModelSelection {
        try ModelSelection.choose(plan, cassette: cassette, candidateLimits: candidateLimits, sandbox: sandbox, environment: variables)
    }

    func scripted(candidateLimits: ArmPlan.Limits, sandbox: Sandbox) -> ModelSelection {
        ModelSelection.scripted(candidateLimits: candidateLimits, sandbox: sandbox)
    }
}
