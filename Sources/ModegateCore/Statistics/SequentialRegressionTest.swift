import Foundation

/// The completion-regression gate judged sequentially: two e-processes on the discordant pairs
/// (a loss: the baseline completed and the candidate did not; a gain: the reverse). Each is a
/// mixture of likelihood ratios over the loss share q among discordant pairs, with a uniform
/// prior on one side of ½:
///
///     E_fail = 2 ∫_{½}^{1} (2q)^L (2(1 − q))^G dq      (large when losses outnumber gains)
///     E_pass = 2 ∫_{0}^{½} (2q)^L (2(1 − q))^G dq      (large when gains outnumber losses)
///
/// Under q ≤ ½ every factor of E_fail has expectation at most 1, so E_fail is a test
/// supermartingale and, by Ville's inequality, crosses 1/α with probability at most α however
/// often it is looked at; the same holds for E_pass under q ≥ ½. The gate fails when E_fail
/// crosses 1/α and passes when E_pass does. With no discordant pair neither moves: such a gate
/// is decided only at the end of the workload, by the fixed rule (losses ≤ gains passes).
public struct SequentialRegressionTest: Sendable, Hashable {
    /// Discordant pairs the candidate lost.
    public var losses: Int
    /// Discordant pairs it gained.
    public var gains: Int

    /// The test of these counts.
    public init(losses: Int, gains: Int) {
        self.losses = losses
        self.gains = gains
    }

    /// log E_fail.
    public var logFailEvidence: Double { Self.logMixture(losses: losses, gains: gains, from: 0.5, to: 1) }
    /// log E_pass.
    public var logPassEvidence: Double { Self.logMixture(losses: losses, gains: gains, from: 0, to: 0.5) }

    /// Fail, pass, or (neither crossed 1/α) inconclusive, at level α = 1 − confidence.
    public func status(confidence: Double) -> GateResult.Status {
        let bar = log(1 / (1 - confidence))
        if logFailEvidence >= bar { return .fail }
        if logPassEvidence >= bar { return .pass }
        return .inconclusive
    }

    /// log of 2 ∫ (2q)^L (2(1−q))^G dq over [from, to], by Simpson's rule on 400 panels in log
    /// space (the integrand is smooth; counts into the thousands stay finite).
    static func logMixture(losses: Int, gains: Int, from: Double, to: Double) -> Double {
        let panels = 400
        let step = (to - from) / Double(panels)
        let log2 = log(2.0)
        var logs: [Double] = []
        logs.reserveCapacity(panels + 1)
        for index in 0...panels {
            let q = min(max(from + Double(index) * step, 1e-12), 1 - 1e-12)
            let weight = index == 0 || index == panels ? 1.0 : (index % 2 == 1 ? 4.0 : 2.0)
            logs.append(log(weight) + Double(losses) * (log2 + log(q)) + Double(gains) * (log2 + log(1 - q)))
        }
        let peak = logs.max() ?? 0
        let sum = logs.reduce(0) { $0 + exp($1 - peak) }
        return log2 + peak + log(sum * step / 3)
    }
}
