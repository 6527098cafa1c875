import Foundation

/// One delta gate's running interval across looks.
struct DeltaTracker {
    let name: GateResult.Name
    let threshold: Double
    let comparison: GateResult.Comparison
    /// The case's observation; for a ratio gate, the linearised difference (threshold 0).
    let observation: (PairedCaseSums) -> Double
    /// For a ratio gate: the ratio's estimate and the scale that turns the linear bounds into
    /// ratio bounds.
    let ratio: ((PairedCaseSums) -> Double, (PairedCaseSums) -> Double)?
    /// One pseudo-observation's spread added to the variance estimate, so that a run of
    /// identical differences (the scripted model, a handful of easy cases) does not give a
    /// zero-width sequence and a decision from ten cases: reward and completion differences
    /// are in [−1, 1] (0.5), steps counted one by one (1), ratios a quarter of the baseline's
    /// mean per case.
    let priorSD: Double

    var lower = -Double.infinity
    var upper = Double.infinity
    var estimate = 0.0
    var sd = 0.0
    /// Running figures of the observations so far: count, mean and Σ(x − x̄)² (Welford), and
    /// for a ratio gate the sums of both arms' per-case means.
    private var count = 0
    private var squares = 0.0
    private var candidateTotal = 0.0
    private var baselineTotal = 0.0
    var decidedAt: Int?
    var status: GateResult.Status = .inconclusive
    var shown: ConfidenceInterval?
    var shownEstimate = Double.nan

    init(name: GateResult.Name, threshold: Double, comparison: GateResult.Comparison, priorSD: Double,
         observation: @escaping (PairedCaseSums) -> Double) {
        self.priorSD = priorSD
        self.name = name
        self.threshold = threshold
        self.comparison = comparison
        self.observation = observation
        self.ratio = nil
    }

    /// A ratio gate (candidate ÷ baseline − 1 ≤ θ) as the mean of candidate − (1 + θ)·baseline
    /// per case staying ≤ 0: linear, so it has a confidence sequence.
    init(ratio name: GateResult.Name, threshold: Double, candidate: KeyPath<PairedCaseSums, Double>, baseline: KeyPath<PairedCaseSums, Double>) {
        let factor = 1 + threshold
        let (candidatePath, baselinePath) = (candidate, baseline)
        self.priorSD = -1  // set from the baseline's scale at each look
        self.name = name
        self.threshold = threshold
        self.comparison = .atMost
        self.observation = { ($0[keyPath: candidatePath] - factor * $0[keyPath: baselinePath]) / $0.pairs }
        self.ratio = ({ $0[keyPath: candidatePath] / $0.pairs }, { $0[keyPath: baselinePath] / $0.pairs })
    }

    /// The threshold the linear observations are compared with.
    var linearThreshold: Double { ratio == nil ? threshold : 0 }

    /// Adds the cases since the last look, then takes this look.
    mutating func look(_ look: Int, adding cases: [PairedCaseSums], sequence: ConfidenceSequence) {
        for item in cases {
            let value = observation(item)
            count += 1
            let step = value - estimate
            estimate += step / Double(count)
            squares += step * (value - estimate)
            if let (candidate, baseline) = ratio {
                candidateTotal += candidate(item)
                baselineTotal += baseline(item)
            }
        }
        let prior = ratio == nil ? priorSD : 0.25 * baselineTotal / Double(max(count, 1))
        // The regularised variance (prior² + Σ(x − x̄)²) / t: at most one pseudo-observation's worth.
        sd = count > 0 ? ((prior * prior + squares) / Double(count)).squareRoot() : .infinity
        guard decidedAt == nil else { return }
        let interval = sequence.interval(mean: estimate, sd: sd, count: count)
        lower = max(lower, interval.lower)
        upper = min(upper, interval.upper)
        if lower > upper { (lower, upper) = (interval.lower, interval.upper) }  // an empty intersection: keep today's
        let bar = linearThreshold
        let meets: (Double) -> Bool = comparison == .atLeast
            ? { $0 >= bar - Judge.tolerance } : { $0 <= bar + Judge.tolerance }
        shownEstimate = displayedEstimate
        shown = displayed(ConfidenceInterval(lower: lower, upper: upper, confidence: interval.confidence))
        if meets(lower) && meets(upper) {
            status = .pass
            decidedAt = look
        } else if !meets(lower) && !meets(upper) {
            status = .fail
            decidedAt = look
        }
    }

    /// A ratio gate reports on the ratio's scale: the arms' means over each other, minus one.
    private var displayedEstimate: Double {
        guard ratio != nil else { return estimate }
        return baselineTotal > 0 ? candidateTotal / baselineTotal - 1 : .nan
    }

    /// And its bounds as θ + bound ÷ the baseline's mean per case.
    private func displayed(_ interval: ConfidenceInterval) -> ConfidenceInterval {
        guard ratio != nil, baselineTotal > 0 else { return interval }
        let base = baselineTotal / Double(count)
        return ConfidenceInterval(lower: threshold + interval.lower / base, upper: threshold + interval.upper / base, confidence: interval.confidence)
    }

    func result(cases: Int, sequence: ConfidenceSequence, atEnd: Bool, lookCases: [Int], minCases: Int) -> GateResult {
        let looks = lookCases.count
        let level = "\(Int((sequence.alpha > 0 ? (1 - sequence.alpha) * 100 : 100).rounded()))%"
        let shownThreshold = String(format: "%+.3f", threshold)
        guard let interval = shown else {
            return GateResult(
                name: name, status: .inconclusive, observed: estimate, threshold: threshold, comparison: comparison,
                casesNeeded: minCases,
                detail: "\(cases) paired cases, fewer than min_cases \(minCases): no look was taken")
        }
        let range = String(format: "[%+.3f, %+.3f]", interval.lower, interval.upper)
        if let decidedAt {
            let side = status == .pass ? "passing" : "failing"
            let at = lookCases[decidedAt - 1]
            let now = displayedEstimate
            let since = at < cases && now.isFinite ? String(format: "; over all %d cases played the estimate is %+.3f", cases, now) : ""
            return GateResult(
                name: name, status: status, observed: shownEstimate, threshold: threshold, comparison: comparison, interval: interval,
                detail: String(format: "decided at look %d of %d (%d cases): estimate %+.3f, %@ confidence sequence %@ lies entirely on the %@ side of %@",
                               decidedAt, looks, at, shownEstimate, level, range, side, shownThreshold) + since,
                decidedAt: GateResult.DecidingLook(look: decidedAt, cases: at, estimateNow: now.isFinite ? now : nil))
        }
        let needed = casesNeeded(from: cases, sequence: sequence)
        let end = atEnd ? "at the end of the workload" : "so far"
        return GateResult(
            name: name, status: .inconclusive, observed: shownEstimate, threshold: threshold, comparison: comparison, interval: interval,
            casesNeeded: needed,
            detail: String(format: "undecided %@ after %d looks: estimate %+.3f, %@ confidence sequence %@ straddles %@",
                           end, looks, shownEstimate, level, range, shownThreshold)
                + (needed.map { "; about \($0) paired cases would decide it" } ?? "; the estimate sits on the threshold, so more cases alone will not decide it"))
    }

    /// The fewest cases at which today's estimate and spread would clear the threshold.
    func casesNeeded(from cases: Int, sequence: ConfidenceSequence) -> Int? {
        let margin = abs(estimate - linearThreshold)
        guard margin > Judge.tolerance, sd.isFinite, cases > 0 else { return nil }
        var count = cases + 1
        while count < 10_000_000 {
            if sequence.halfWidth(count: count, sd: sd) < margin { return count }
            count = Int(Double(count) * 1.05) + 1
        }
        return nil
    }
}
