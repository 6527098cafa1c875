import Foundation

/// The paired trials the completion-regression gate (McNemar's one-sided test) needs to be
/// decided with a stated probability, when each paired trial is a loss (baseline completed,
/// candidate not) with probability `lossRate` and a gain with `gainRate`. The gate passes when
/// losses do not outnumber gains and fails when they do significantly; normal approximations
/// to both.
public struct RegressionPowerPlan: Sendable, Hashable {
    /// Share of paired trials that are losses.
    public var lossRate: Double
    /// Share that are gains.
    public var gainRate: Double
    /// The judge's confidence (the test's level is 1 − confidence).
    public var confidence: Double
    /// The wanted probability of a decision.
    public var power: Double

    /// A plan as given.
    public init(lossRate: Double, gainRate: Double, confidence: Double, power: Double) {
        self.lossRate = lossRate
        self.gainRate = gainRate
        self.confidence = confidence
        self.power = power
    }

    /// Pass when gains are at least as likely as losses.
    public var headedFor: GateResult.Status { lossRate > gainRate ? .fail : .pass }

    /// Sizes up to this many paired trials are computed exactly; larger ones by the normal
    /// approximation, whose error shrinks as the counts grow.
    public static let exactLimit = 3000

    /// Paired trials needed; nil when losses and gains are equally likely (no size decides it
    /// with power above one half). The normal approximation gives a start, and the exact
    /// probability (the discordant count is random, the test discrete) is searched from below it.
    public var trialsNeeded: Int? {
        if lossRate <= 0 && gainRate <= 0 { return 1 }
        guard let approximate = approximateTrialsNeeded else { return nil }
        guard approximate <= Self.exactLimit else { return approximate }
        var trials = max(1, approximate / 2)
        while trials <= Self.exactLimit * 2 {
            if probabilityDecided(trials: trials) >= power { return trials }
            trials += max(1, trials / 200)
        }
        return approximate
    }

    /// The normal approximations' trial count.
    var approximateTrialsNeeded: Int? {
        let zPower = StandardNormal.quantile(power)
        let gap = gainRate - lossRate
        if gap > Judge.tolerance {
            // P(losses − gains ≤ 0) over T trials, by the normal approximation of the difference.
            let variance = lossRate + gainRate - gap * gap
            let trials = (zPower * variance.squareRoot() / gap) * (zPower * variance.squareRoot() / gap)
            return max(1, Int(trials.rounded(.up)))
        }
        if -gap > Judge.tolerance {
            // Among discordant pairs a loss has probability q > ½; the exact test reaches its
            // level once losses exceed ½K by z₁₋α·½√K.
            let q = lossRate / (lossRate + gainRate)
            let zLevel = StandardNormal.quantile(confidence)
            let root = (zLevel * 0.5 + zPower * (q * (1 - q)).squareRoot()) / (q - 0.5)
            return max(1, Int((root * root / (lossRate + gainRate)).rounded(.up)))
        }
        return nil
    }

    /// The probability that `trials` paired trials decide the gate: exact up to `exactLimit`
    /// (summed over the discordant count, with McNemar's exact critical value at each), else
    /// by the normal approximation.
    public func probabilityDecided(trials: Int) -> Double {
        if lossRate <= 0 && gainRate <= 0 { return 1 }
        guard trials <= Self.exactLimit else { return approximateProbability(trials: trials) }
        let discordantRate = lossRate + gainRate
        let q = lossRate / discordantRate
        let alpha = 1 - confidence
        var total = 0.0
        var critical = 0
        for discordant in 0...trials {
            let weight = exp(Self.logBinomialPMF(discordant, trials, discordantRate))
            guard weight > 1e-14 else { continue }
            if headedFor == .pass {
                total += weight * Self.tail(q: q, trials: discordant, from: 0, through: discordant / 2)
            } else {
                // The critical losses grow with the discordant count; never shrink the search.
                critical = max(critical, discordant / 2)
                while critical <= discordant, McNemarTest.upperTail(successes: critical, trials: discordant) > alpha { critical += 1 }
                if critical <= discordant { total += weight * Self.tail(q: q, trials: discordant, from: critical, through: discordant) }
            }
        }
        return min(1, total)
    }

    func approximateProbability(trials: Int) -> Double {
        let gap = gainRate - lossRate
        let count = Double(trials)
        if gap >= -Judge.tolerance {
            let variance = lossRate + gainRate - gap * gap
            return StandardNormal.cdf(count.squareRoot() * gap / variance.squareRoot())
        }
        let q = lossRate / (lossRate + gainRate)
        let discordant = count * (lossRate + gainRate)
        let z = StandardNormal.quantile(confidence)
        return StandardNormal.cdf(((q - 0.5) * discordant.squareRoot() - 0.5 * z) / (q * (1 - q)).squareRoot())
    }

    static func logBinomialPMF(_ k: Int, _ n: Int, _ p: Double) -> Double {
        if p <= 0 { return k == 0 ? 0 : -.infinity }
        if p >= 1 { return k == n ? 0 : -.infinity }
        return McNemarTest.logBinomial(n, k) + Double(k) * log(p) + Double(n - k) * log(1 - p)
    }

    /// P(from ≤ X ≤ through) for X ~ Binomial(trials, q).
    static func tail(q: Double, trials: Int, from: Int, through: Int) -> Double {
        guard from <= through else { return 0 }
        var sum = 0.0
        for k in from...through { sum += exp(logBinomialPMF(k, trials, q)) }
        return min(1, sum)
    }
}
