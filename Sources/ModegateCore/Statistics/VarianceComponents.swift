/// How paired differences (candidate − baseline, one per trial) vary between cases and between
/// repetitions of a case: the two sources a gate's interval narrows against, one by adding
/// cases, the other by adding cases or repetitions. Estimated by the one-way random-effects
/// method of moments, which needs no distributional assumption and allows unequal repetitions.
public struct VarianceComponents: Sendable, Hashable, Codable {
    /// Mean of the cases' mean differences.
    public var mean: Double
    /// Variance of the cases' true mean differences (clamped at 0).
    public var between: Double
    /// Variance of one trial's difference around its case's mean (pooled over cases).
    public var within: Double
    /// Cases the estimate rests on.
    public var cases: Int
    /// Trials the estimate rests on.
    public var trials: Int

    /// Components as given (planning from assumptions rather than a pilot).
    public init(mean: Double, between: Double, within: Double, cases: Int = 0, trials: Int = 0) {
        self.mean = mean
        self.between = between
        self.within = within
        self.cases = cases
        self.trials = trials
    }

    /// The estimate from each case's per-repetition differences; nil with fewer than two cases.
    /// With one repetition per case the within-case part cannot be told apart and is 0: all
    /// the variance counts as between cases, which plans conservatively for cases and says
    /// nothing about repetitions.
    public init?(groups: [[Double]]) {
        let cases = groups.filter { !$0.isEmpty }
        guard cases.count >= 2 else { return nil }
        let means = cases.map { $0.reduce(0, +) / Double($0.count) }
        let trials = cases.reduce(0) { $0 + $1.count }
        var withinSquares = 0.0
        for (values, mean) in zip(cases, means) {
            for value in values { withinSquares += (value - mean) * (value - mean) }
        }
        let within = trials > cases.count ? withinSquares / Double(trials - cases.count) : 0
        let grand = means.reduce(0, +) / Double(means.count)
        let spread = means.reduce(0) { $0 + ($1 - grand) * ($1 - grand) } / Double(means.count - 1)
        let inverseRepetitions = cases.reduce(0) { $0 + 1 / Double($1.count) } / Double(cases.count)
        self.init(mean: grand, between: max(0, spread - within * inverseRepetitions), within: within,
                  cases: cases.count, trials: trials)
    }

    /// The variance of the mean difference over `cases` cases of `repetitions` each.
    public func varianceOfMean(cases: Int, repetitions: Int) -> Double {
        (between + within / Double(repetitions)) / Double(cases)
    }

    enum CodingKeys: String, CodingKey { case mean, between, within, cases, trials }
}
