/// One arm's trials of one case at one shape, summed: what a resample of cases needs for every
/// sweep figure's mean, and the trial latencies for the median.
struct SweepArmSums: Sendable, Hashable {
    var trials = 0.0
    var tokens = 0.0
    var modelRequests = 0.0
    var modelVisibleToolBytes = 0.0
    var reward = 0.0
    var completed = 0.0
    var latencies: [Double] = []

    mutating func add(_ trial: TrialOutcome) {
        trials += 1
        tokens += Double(trial.tokens)
        modelRequests += Double(trial.modelRequests)
        modelVisibleToolBytes += Double(trial.modelVisibleToolBytes)
        reward += trial.reward
        completed += trial.completed ? 1 : 0
        latencies.append(trial.latency)
    }

    mutating func add(_ other: SweepArmSums) {
        trials += other.trials
        tokens += other.tokens
        modelRequests += other.modelRequests
        modelVisibleToolBytes += other.modelVisibleToolBytes
        reward += other.reward
        completed += other.completed
        latencies += other.latencies
    }

    /// The per-trial mean (or median, for latency) of `metric`; NaN without trials.
    func value(_ metric: SweepMetric) -> Double {
        guard trials > 0 else { return .nan }
        switch metric {
        case .tokens: return tokens / trials
        case .modelRequests: return modelRequests / trials
        case .modelVisibleToolBytes: return modelVisibleToolBytes / trials
        case .reward: return reward / trials
        case .completionRate: return completed / trials
        case .latencyP50: return ConfidenceInterval.quantile(sorted: latencies.sorted(), 0.5)
        }
    }
}
