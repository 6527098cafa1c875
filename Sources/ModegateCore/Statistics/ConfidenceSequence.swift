import Foundation

/// An asymptotic confidence sequence for a mean (Waudby-Smith, Arnold, Wu, Howard & Ramdas,
/// "Time-uniform central limit theory and asymptotic confidence sequences", 2021): with the
/// Gaussian-mixture boundary, the intervals
///
///     μ̂ₜ ± σ̂ₜ · √( 2(tρ² + 1) / (t²ρ²) · log(√(tρ² + 1) / α) )
///
/// cover the mean at every t at once with probability about 1 − α, so a run may look after
/// every batch and stop whenever an interval clears a threshold without inflating its error
/// rates. It asks nothing of the differences but finite variance, so one method serves the
/// bounded reward and completion differences and the unbounded steps differences alike; its
/// guarantee is asymptotic, hence `judgement.sequential.min_cases` before the first decision.
/// ρ tunes the width to be smallest near t = `target`.
public struct ConfidenceSequence: Sendable, Hashable {
    /// 1 − confidence, two-sided.
    public var alpha: Double
    /// The mixture's precision, set from the number of observations the width is tuned for.
    public var rho: Double

    /// A sequence at `confidence`, tuned for `target` observations.
    public init(confidence: Double, target: Int) {
        alpha = 1 - confidence
        let l = -2 * log(alpha)
        rho = ((l + log(1 + l)) / Double(max(target, 1))).squareRoot()
    }

    /// The half-width after `count` observations with standard deviation `sd`.
    public func halfWidth(count: Int, sd: Double) -> Double {
        guard count > 0 else { return .infinity }
        let t = Double(count)
        let r2 = rho * rho
        return sd * (2 * (t * r2 + 1) / (t * t * r2) * log((t * r2 + 1).squareRoot() / alpha)).squareRoot()
    }

    /// The interval after the observations so far.
    public func interval(mean: Double, sd: Double, count: Int) -> ConfidenceInterval {
        let half = halfWidth(count: count, sd: sd)
        return ConfidenceInterval(lower: mean - half, upper: mean + half, confidence: 1 - alpha)
    }
}
