/// The sorted bootstrap replicates of one figure: its percentile interval at any level, and the
/// p-value that agrees with those intervals, so a multiple-testing correction (Holm, across
/// presets) can move the level without resampling again.
public struct BootstrapDistribution: Sendable, Hashable {
    /// The replicates, ascending, NaNs (resamples that could not form the figure) left out.
    public let sorted: [Double]

    /// The distribution of `replicates`; nil when none is a number.
    public init?(replicates: [Double]) {
        let values = replicates.filter { !$0.isNaN }.sorted()
        guard !values.isEmpty else { return nil }
        sorted = values
    }

    /// The percentile interval (type-7 quantiles), the same as `ConfidenceInterval.percentile`.
    public func interval(confidence: Double) -> ConfidenceInterval {
        let alpha = 1 - confidence
        return ConfidenceInterval(
            lower: ConfidenceInterval.quantile(sorted: sorted, alpha / 2),
            upper: ConfidenceInterval.quantile(sorted: sorted, 1 - alpha / 2),
            confidence: confidence)
    }

    /// The smallest α at which the (1 − α) interval decides a gate whose passing side of `pivot`
    /// is `comparison`'s: for `atLeast`, decided when lower ≥ pivot (pass) or upper < pivot (fail);
    /// for `atMost`, when upper ≤ pivot (pass) or lower > pivot (fail). The gates' own rule, so
    /// `pValue ≤ α` exactly when `interval(confidence: 1 − α)` is decided. The pivot is the
    /// threshold with the judge's tolerance applied.
    public func pValue(pivot: Double, comparison: GateResult.Comparison) -> Double {
        // Q(p), the type-7 quantile, is continuous and nondecreasing in p, so each bound crosses the
        // pivot at one level: `position` is that p, and the interval's two tails reach it at α = 2p
        // and α = 2(1 − p).
        let position = comparison == .atLeast ? firstLevel(reaching: pivot) : lastLevel(within: pivot)
        return min(1, max(0, 2 * min(position, 1 - position)))
    }

    /// inf { p : Q(p) ≥ pivot }; +∞ when every replicate is below the pivot.
    private func firstLevel(reaching pivot: Double) -> Double {
        guard let k = sorted.firstIndex(where: { $0 >= pivot }) else { return .infinity }
        guard k > 0 else { return 0 }
        let fraction = (pivot - sorted[k - 1]) / (sorted[k] - sorted[k - 1])
        return (Double(k - 1) + fraction) / Double(sorted.count - 1)
    }

    /// sup { p : Q(p) ≤ pivot }; −∞ when every replicate is above the pivot.
    private func lastLevel(within pivot: Double) -> Double {
        guard let k = sorted.lastIndex(where: { $0 <= pivot }) else { return -.infinity }
        guard k < sorted.count - 1 else { return 1 }
        let fraction = (pivot - sorted[k]) / (sorted[k + 1] - sorted[k])
        return (Double(k) + fraction) / Double(sorted.count - 1)
    }
}
