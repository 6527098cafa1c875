import Foundation

/// McNemar's exact test on paired binary outcomes, one-sided: do losses (baseline completed,
/// candidate not) significantly outnumber gains (the reverse)? Under no change each discordant
/// pair is a loss with probability ½, so losses ~ Binomial(losses + gains, ½).
public struct McNemarTest: Sendable, Hashable {
    /// Paired trials the baseline completed and the candidate did not.
    public var losses: Int
    /// Paired trials the candidate completed and the baseline did not.
    public var gains: Int

    /// The test of these counts.
    public init(losses: Int, gains: Int) {
        self.losses = losses
        self.gains = gains
    }

    /// Pairs whose outcomes differ: the only ones the test looks at.
    public var discordant: Int { losses + gains }

    /// P(X ≥ losses) for X ~ Binomial(discordant, ½); 1 when there is nothing to test.
    public var pValue: Double { Self.upperTail(successes: losses, trials: discordant) }

    /// Exact binomial upper tail at p = ½, summed in log space so thousands of pairs stay accurate.
    public static func upperTail(successes k: Int, trials n: Int) -> Double {
        guard n > 0, k > 0 else { return 1 }
        guard k <= n else { return 0 }
        let logHalfPower = Double(n) * log(0.5)
        var terms: [Double] = []
        terms.reserveCapacity(n - k + 1)
        for i in k...n {
            terms.append(logBinomial(n, i) + logHalfPower)
        }
        let peak = terms.max() ?? 0
        let sum = terms.reduce(0) { $0 + exp($1 - peak) }
        return min(1, exp(peak + log(sum)))
    }

    static func logBinomial(_ n: Int, _ k: Int) -> Double {
        lgamma(Double(n) + 1) - lgamma(Double(k) + 1) - lgamma(Double(n - k) + 1)
    }

    /// The fewest discordant pairs, keeping today's loss share, at which the test would reach
    /// `alpha`; nil when losses do not outnumber gains (more data at this share never fails).
    public func discordantPairsNeeded(alpha: Double, limit: Int = 1_000_000) -> Int? {
        guard discordant > 0, losses > gains else { return nil }
        let share = Double(losses) / Double(discordant)
        var pairs = max(discordant, 1)
        while pairs <= limit {
            let projectedLosses = Int((share * Double(pairs)).rounded(.up))
            if Self.upperTail(successes: projectedLosses, trials: pairs) <= alpha { return pairs }
            pairs = max(pairs + 1, Int(Double(pairs) * 1.1))
        }
        return nil
    }
}
