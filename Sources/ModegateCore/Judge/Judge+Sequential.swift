import Foundation

/// One look-by-look evaluation of sequential judging over the paired trials so far.
public struct SequentialEvaluation: Sendable, Hashable {
    /// The statistical gates: reward, completion, steps, completion regressions, and the token
    /// and cost ratios when set.
    public var gates: [GateResult]
    /// Looks taken.
    public var looks: Int
    /// Paired cases used, in the sequential order.
    public var cases: Int
    /// Every gate was decided by its confidence sequence or e-process (not by the
    /// end-of-workload rule): the run may stop.
    public var allDecided: Bool
    /// Paired cases at each look, in order.
    public var lookCases: [Int]
    /// The look (1-based) at which each decided gate was decided.
    public var decidedAt: [GateResult.Name: Int]

    /// Cases a run that stops once every gate is decided uses: the last gate's decision look;
    /// every case when one is never decided.
    public var casesToDecideAll: Int {
        guard allDecided, let last = decidedAt.values.max(), last >= 1, last <= lookCases.count else { return cases }
        return lookCases[last - 1]
    }
}

extension Judge {
    /// The method, as the verdict names it.
    static let sequentialMethod =
        "asymptotic confidence sequences (Gaussian mixture, running intersection) on per-case paired differences; mixture e-processes on discordant pairs for completion regressions"

    /// Sequential judging's gates after every look so far: the cases in `SequentialOrder`, a look
    /// after every `batch_cases` of them from `min_cases` on (and at the last case), each gate
    /// decided at the first look where its running interval clears the threshold and frozen
    /// there. `atEnd`: the workload is done, so undecided gates are final (inconclusive, or for
    /// completion regressions the fixed rule, losses ≤ gains).
    public func sequentialEvaluation(pairs: [Pairing.Pair], atEnd: Bool) -> SequentialEvaluation {
        let sequential = settings.sequential ?? JudgementSettings.Sequential(batchCases: 10, minCases: 20)
        // Cases in key order for grouping, then in the seeded order the run played them in.
        let groups = CaseGroups(pairs.sorted { $0.candidate.key < $1.candidate.key }, empty: SequentialCase()) { $0.add($1) }
        let byCase = Dictionary(uniqueKeysWithValues: zip(groups.keys, groups.sums))
        let cases = SequentialOrder.sorted(groups.keys, seed: settings.seed).compactMap { byCase[$0] }
        let n = cases.count
        var lookPoints = Array(stride(from: sequential.batchCases, through: n, by: sequential.batchCases)).filter { $0 >= sequential.minCases }
        if n >= sequential.minCases, lookPoints.last != n { lookPoints.append(n) }
        // Tuned from the settings alone, never from the cases so far: the review after each batch
        // and the final verdict must draw the same sequence.
        let sequence = ConfidenceSequence(confidence: settings.confidence, target: 4 * sequential.minCases)

        var trackers: [DeltaTracker] = [
            DeltaTracker(name: .reward, threshold: thresholds.minRewardDelta, comparison: .atLeast, priorSD: 0.5) { $0.rewardDelta / $0.pairs },
            DeltaTracker(name: .completion, threshold: thresholds.minCompletionDelta, comparison: .atLeast, priorSD: 0.5) { $0.completionDelta / $0.pairs },
            DeltaTracker(name: .steps, threshold: thresholds.maxStepsIncrease, comparison: .atMost, priorSD: 1) { $0.stepsDelta / $0.pairs },
        ]
        if gateSet == .full {
            if let ratio = thresholds.maxTokenIncreaseRatio {
                trackers.append(DeltaTracker(ratio: .tokenIncreaseRatio, threshold: ratio, candidate: \.candidateTokens, baseline: \.baselineTokens))
            }
            if let ratio = thresholds.maxCostIncreaseRatio {
                trackers.append(DeltaTracker(ratio: .costIncreaseRatio, threshold: ratio, candidate: \.candidateCost, baseline: \.baselineCost))
            }
        }
        var regression = RegressionTracker()
        var looked = 0
        var (losses, gains) = (0, 0)
        // Each look adds only the cases since the last one: a run's review after every batch
        // stays linear in its cases.
        for (look, point) in lookPoints.enumerated() {
            let added = cases[looked..<point]
            looked = point
            for index in trackers.indices { trackers[index].look(look + 1, adding: added.map(\.sums), sequence: sequence) }
            for item in added {
                losses += item.losses
                gains += item.gains
            }
            if thresholds.failOnCompletionRegression {
                regression.look(look + 1, losses: losses, gains: gains, confidence: settings.confidence)
            }
        }
        var gates = trackers.map { $0.result(cases: n, sequence: sequence, atEnd: atEnd, looks: lookPoints.count, minCases: sequential.minCases) }
        var decided = trackers.allSatisfy { $0.decidedAt != nil }
        if thresholds.failOnCompletionRegression {
            gates.insert(regression.result(atEnd: atEnd, pairs: pairs.count), at: min(3, gates.count))
            decided = decided && regression.decidedAt != nil
        }
        var decidedAt: [GateResult.Name: Int] = [:]
        for tracker in trackers { if let look = tracker.decidedAt { decidedAt[tracker.name] = look } }
        if let look = regression.decidedAt { decidedAt[.completionRegressions] = look }
        return SequentialEvaluation(
            gates: gates, looks: lookPoints.count, cases: n, allDecided: decided && !lookPoints.isEmpty, lookCases: lookPoints,
            decidedAt: decidedAt)
    }

    /// The verdict's record of a sequential run.
    func sequentialSummary(candidate: StoredRun, baseline: StoredRun, pairing: Pairing, evaluation: SequentialEvaluation) -> SequentialSummary {
        let sequential = settings.sequential ?? JudgementSettings.Sequential(batchCases: 10, minCases: 20)
        let pairedTrials = pairing.pairs.count
        let repetitions = evaluation.cases > 0 ? max(1, Int((Double(pairedTrials) / Double(evaluation.cases)).rounded())) : 1
        func spending(_ runs: [StoredRun], planned: Bool) -> SequentialSummary.Spending {
            var total = SequentialSummary.Spending(trials: 0, modelRequests: 0, tokens: 0, cost: 0)
            for run in runs {
                let trials = run.trials
                let count = Double(max(trials.count, 1))
                let plannedTrials = max(run.manifest?.plannedTrials ?? run.summary.totalCases, trials.count)
                let scale = planned ? Double(plannedTrials) / count : 1
                total.trials += planned ? plannedTrials : trials.count
                total.modelRequests += Int((Double(trials.reduce(0) { $0 + $1.steps }) * scale).rounded())
                total.tokens += Int((Double(trials.reduce(0) { $0 + $1.tokens }) * scale).rounded())
                total.cost += trials.reduce(0) { $0 + $1.cost } * scale
            }
            return total
        }
        let plannedTrials = max(candidate.manifest?.plannedTrials ?? candidate.summary.totalCases, candidate.trials.count)
        return SequentialSummary(
            batchCases: sequential.batchCases, minCases: sequential.minCases, method: Self.sequentialMethod,
            casesUsed: evaluation.cases, trialsUsed: pairedTrials, casesPlanned: plannedTrials / repetitions,
            looks: evaluation.looks, stoppedEarly: evaluation.allDecided && plannedTrials > candidate.trials.count,
            fixedSize: spending([candidate, baseline], planned: true), used: spending([candidate, baseline], planned: false))
    }
}

/// One case's paired sums and its discordant pairs, for sequential judging.
struct SequentialCase {
    var sums = PairedCaseSums()
    var losses = 0
    var gains = 0

    mutating func add(_ pair: Pairing.Pair) {
        sums.add(candidate: pair.candidate, baseline: pair.baseline)
        if pair.baseline.completed && !pair.candidate.completed { losses += 1 }
        if !pair.baseline.completed && pair.candidate.completed { gains += 1 }
    }
}

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

    func result(cases: Int, sequence: ConfidenceSequence, atEnd: Bool, looks: Int, minCases: Int) -> GateResult {
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
            return GateResult(
                name: name, status: status, observed: shownEstimate, threshold: threshold, comparison: comparison, interval: interval,
                detail: String(format: "decided at look %d of %d: estimate %+.3f, %@ confidence sequence %@ lies entirely on the %@ side of %@",
                               decidedAt, looks, shownEstimate, level, range, side, shownThreshold))
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

/// The completion-regression gate's e-processes across looks.
struct RegressionTracker {
    var losses = 0
    var gains = 0
    var decidedAt: Int?
    var status: GateResult.Status = .inconclusive
    var looks = 0

    mutating func look(_ look: Int, losses: Int, gains: Int, confidence: Double) {
        looks = look
        guard decidedAt == nil else { return }
        self.losses = losses
        self.gains = gains
        let status = SequentialRegressionTest(losses: losses, gains: gains).status(confidence: confidence)
        if status != .inconclusive {
            self.status = status
            decidedAt = look
        }
    }

    func result(atEnd: Bool, pairs: Int) -> GateResult {
        let test = SequentialRegressionTest(losses: losses, gains: gains)
        let counts = "\(losses) losses vs \(gains) gains"
        let evidence = String(format: "e-values: %.3g for a regression, %.3g against", exp(test.logFailEvidence), exp(test.logPassEvidence))
        if let decidedAt {
            return GateResult(
                name: .completionRegressions, status: status, observed: Double(losses), threshold: 0, comparison: .atMost,
                detail: "decided at look \(decidedAt) of \(looks): \(counts); \(evidence) (the bar is 1/(1 − confidence))")
        }
        if atEnd, losses <= gains {
            return GateResult(
                name: .completionRegressions, status: .pass, observed: Double(losses), threshold: 0, comparison: .atMost,
                detail: "\(counts) over \(pairs) paired trials at the end of the workload: no net completion regression (\(evidence))")
        }
        return GateResult(
            name: .completionRegressions, status: .inconclusive, observed: Double(losses), threshold: 0, comparison: .atMost,
            detail: "\(counts) after \(looks) looks: \(evidence), neither past the bar")
    }
}
