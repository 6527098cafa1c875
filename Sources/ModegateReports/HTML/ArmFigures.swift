import ModegateCore

/// One arm's figures over a set of trials (a preset's, or all paired ones): what the per-preset
/// panels and the charts show side by side.
public struct ArmFigures: Sendable, Hashable {
    /// Trials counted.
    public var trials: Int
    /// Mean reward.
    public var meanReward: Double
    /// Share of trials completed.
    public var completionRate: Double
    /// Mean steps (model requests) per trial.
    public var meanSteps: Double
    /// Mean tokens per trial.
    public var meanTokens: Double
    /// Mean wall-clock seconds per trial.
    public var meanSeconds: Double
    /// Mean cost per trial.
    public var meanCost: Double
    /// Trials that ended with an error.
    public var errors: Int

    /// The figures of `trials`; all zero without trials.
    public init(_ trials: [TrialEvidence]) {
        self.trials = trials.count
        func mean(_ value: (TrialEvidence) -> Double) -> Double {
            trials.isEmpty ? 0 : trials.reduce(0) { $0 + value($1) } / Double(trials.count)
        }
        meanReward = mean(\.reward)
        completionRate = mean { $0.completed ? 1 : 0 }
        meanSteps = mean { Double($0.steps) }
        meanTokens = mean { Double($0.tokens) }
        meanSeconds = mean(\.seconds)
        meanCost = mean(\.cost)
        errors = trials.filter { $0.error != nil }.count
    }
}
