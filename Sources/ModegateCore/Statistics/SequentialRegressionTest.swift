import Foundation

/// The completion-regression gate judged sequentially. Each paired trial is a loss (the baseline
/// completed and the candidate did not: D = +1), a gain (the reverse: D = −1) or a tie (D = 0);
/// the net regression rate r = E[D] is (losses − gains) per paired trial. Two e-processes:
///
///     E_fail = 2 ∫_{½}^{1} (2q)^L (2(1 − q))^G dq
///
/// on the discordant pairs alone (q: the loss share among them), a test supermartingale while
/// losses do not outnumber gains (r ≤ 0), fails the gate when it reaches 1/α; and
///
///     E_pass = ∫_0^1 2u · ∏ᵢ (1 + λ(u)(ε − Dᵢ)) du,   λ(u) = u · 0.9 / (1 − ε),
///
/// a mixture of betting martingales over every paired trial, ties included, against r ≥ ε
/// (ε: `completion_regression_tolerance`): under that null each factor has expectation at
/// most 1 for every λ ≥ 0, so E_pass is a test supermartingale too, and it passes the gate when
/// it reaches 1/α. By Ville's inequality, however often either is looked at, a run without a net
/// regression fails with probability at most α, and one regressing by ε or more passes with
/// probability at most α; between 0 and ε either outcome is allowed. Because the product depends
/// only on the counts, so does E_pass. A tie multiplies each bet by 1 + λε, so a run where
/// both arms solve every case passes after about 80 paired trials at ε = 0.05 and 95 %.
/// The prior (density 2u) leans to the larger bets, which ties reward; λ stays below
/// 0.9 / (1 − ε) so that one loss keeps a tenth of a bet's wealth.
public struct SequentialRegressionTest: Sendable, Hashable {
    /// Paired trials the candidate lost.
    public var losses: Int
    /// Paired trials it gained.
    public var gains: Int
    /// Paired trials both arms completed, or both did not.
    public var ties: Int
    /// The net regression rate the gate tolerates.
    public var tolerance: Double

    /// The test of these counts against `tolerance`.
    public init(losses: Int, gains: Int, ties: Int = 0, tolerance: Double = Thresholds.defaultCompletionRegressionTolerance) {
        self.losses = losses
        self.gains = gains
        self.ties = ties
        self.tolerance = tolerance
    }

    /// log E_fail.
    public var logFailEvidence: Double { Self.logDiscordantMixture(losses: losses, gains: gains, from: 0.5, to: 1) }
    /// log E_pass.
    public var logPassEvidence: Double { Self.logBettingMixture(losses: losses, gains: gains, ties: ties, tolerance: tolerance) }

    /// Fail, pass, or (neither crossed 1/α) inconclusive, at level α = 1 − confidence.
    public func status(confidence: Double) -> GateResult.Status {
        let bar = log(1 / (1 - confidence))
        if logFailEvidence >= bar { return .fail }
        if logPassEvidence >= bar { return .pass }
        return .inconclusive
    }

    /// log of 2 ∫ (2q)^L (2(1−q))^G dq over [from, to].
    static func logDiscordantMixture(losses: Int, gains: Int, from: Double, to: Double) -> Double {
        let log2 = log(2.0)
        return log2 + logSimpson(from: from, to: to) { q in
            Double(losses) * (log2 + log(q)) + Double(gains) * (log2 + log(1 - q))
        }
    }

    /// log of ∫₀¹ 2u (1 + λε)^T (1 + λ(ε − 1))^L (1 + λ(ε + 1))^G du with λ = 0.9u/(1 − ε).
    static func logBettingMixture(losses: Int, gains: Int, ties: Int, tolerance: Double) -> Double {
        let reach = 0.9 / (1 - tolerance)
        return logSimpson(from: 0, to: 1) { u in
            let bet = u * reach
            return log(2 * u) + Double(ties) * log1p(bet * tolerance) + Double(losses) * log1p(bet * (tolerance - 1))
                + Double(gains) * log1p(bet * (tolerance + 1))
        }
    }

    /// log ∫ exp(f) over [from, to] by Simpson's rule on 400 panels in log space (the integrands
    /// are smooth; counts into the thousands stay finite). The ends are pulled in by 1e-12 so
    /// that log(0) never arises.
    static func logSimpson(from: Double, to: Double, _ logIntegrand: (Double) -> Double) -> Double {
        let panels = 400
        let step = (to - from) / Double(panels)
        var logs: [Double] = []
        logs.reserveCapacity(panels + 1)
        for index in 0...panels {
            let x = min(max(from + Double(index) * step, 1e-12), 1 - 1e-12)
            let weight = index == 0 || index == panels ? 1.0 : (index % 2 == 1 ? 4.0 : 2.0)
            logs.append(log(weight) + logIntegrand(x))
        }
        let peak = logs.max() ?? 0
        let sum = logs.reduce(0) { $0 + exp($1 - peak) }
        return peak + log(sum * step / 3)
    }
}
