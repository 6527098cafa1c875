/// Per-case sums of both arms' cost figures over the case's paired trials: what a resample of
/// cases needs for the means and shares of the costs side by side (latency quantiles aside).
/// Kept apart from `PairedCaseSums`, whose one cache line per case the gates' bootstrap relies on.
public struct PairedCostSums: Sendable, Hashable {
    /// One arm's figures summed over trials.
    public struct Arm: Sendable, Hashable {
        /// Σ prompt tokens.
        public var promptTokens: Double = 0
        /// Σ completion tokens.
        public var completionTokens: Double = 0
        /// Σ cached prompt tokens.
        public var cachedTokens: Double = 0
        /// Σ cost.
        public var cost: Double = 0
        /// Σ model requests.
        public var modelRequests: Double = 0
        /// Σ bytes of tool results the model saw.
        public var modelVisibleToolBytes: Double = 0
        /// Σ bytes of all tool results.
        public var toolResponseBytes: Double = 0

        /// Zero sums.
        public init() {}

        /// Adds one trial's figures.
        public mutating func add(_ trial: TrialOutcome) {
            promptTokens += Double(trial.promptTokens)
            completionTokens += Double(trial.completionTokens)
            cachedTokens += Double(trial.cachedTokens)
            cost += trial.cost
            modelRequests += Double(trial.modelRequests)
            modelVisibleToolBytes += Double(trial.modelVisibleToolBytes)
            toolResponseBytes += Double(trial.toolResponseBytes)
        }

        /// Adds another case's sums.
        public mutating func add(_ other: Arm) {
            promptTokens += other.promptTokens
            completionTokens += other.completionTokens
            cachedTokens += other.cachedTokens
            cost += other.cost
            modelRequests += other.modelRequests
            modelVisibleToolBytes += other.modelVisibleToolBytes
            toolResponseBytes += other.toolResponseBytes
        }

        /// The per-trial mean (or, for payload suppression, the share) of an additive figure over
        /// `trials`; nil for payload suppression without tool traffic and for the latency
        /// quantiles, which are not sums.
        public func value(_ name: CostFigure.Name, trials: Double) -> Double? {
            let n = max(trials, 1)
            switch name {
            case .promptTokens: return promptTokens / n
            case .completionTokens: return completionTokens / n
            case .cachedTokens: return cachedTokens / n
            case .cost: return cost / n
            case .modelRequests: return modelRequests / n
            case .modelVisibleToolBytes: return modelVisibleToolBytes / n
            case .payloadSuppression: return toolResponseBytes > 0 ? 1 - modelVisibleToolBytes / toolResponseBytes : nil
            case .latencyP50, .latencyP95: return nil
            }
        }
    }

    /// Paired trials in the case.
    public var pairs: Double = 0
    /// The candidate's sums.
    public var candidate = Arm()
    /// The baseline's sums.
    public var baseline = Arm()

    /// Zero sums, to add trials to.
    public init() {}

    /// Adds one paired trial.
    public mutating func add(candidate trial: TrialOutcome, baseline other: TrialOutcome) {
        pairs += 1
        candidate.add(trial)
        baseline.add(other)
    }
}
