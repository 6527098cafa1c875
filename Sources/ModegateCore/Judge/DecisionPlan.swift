import Foundation

/// `modegate plan`: for each gate, the cases × repetitions needed to decide it with a stated
/// power at the gate's thresholds and confidence, from a pilot's paired trials (their
/// between-case and within-case variance) or from assumed figures. Point mode decides at any
/// size, so the plan is of the statistical gates; the ratio gates (tokens, cost, latency) are
/// left out, since their intervals are not of a mean difference.
public struct DecisionPlan: Sendable, Hashable, Codable {
    /// Cases needed at one repetition count.
    public struct Size: Sendable, Hashable, Codable {
        public var repetitions: Int
        /// Nil when no number of cases decides the gate.
        public var cases: Int?
    }

    /// One gate's plan.
    public struct Row: Sendable, Hashable, Codable {
        /// The gate.
        public var gate: GateResult.Name
        /// Its threshold and side.
        public var threshold: Double
        public var comparison: GateResult.Comparison
        /// The difference the plan assumes (the pilot's estimate), or the loss and gain rates
        /// of the completion-regression gate.
        public var expected: Double
        /// Standard deviations between and within cases (the delta gates).
        public var betweenSD: Double?
        public var withinSD: Double?
        /// Shares of paired trials lost and gained (the completion-regression gate).
        public var lossRate: Double?
        public var gainRate: Double?
        /// Where the gate is headed: pass or fail.
        public var headedFor: GateResult.Status
        /// Cases needed at 1, 2, 3, 5 and 10 repetitions.
        public var sizes: [Size]
        /// Repetitions needed with the workload's cases; nil when more repetitions cannot decide it.
        public var repetitionsWithWorkload: Int?
        /// The probability that the gate's own size (the workload's cases × its repetitions) decides it.
        public var powerAtGateSize: Double
        /// What the reader should know about this row.
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case gate, threshold, comparison, expected, sizes, note
            case betweenSD = "between_sd", withinSD = "within_sd", lossRate = "loss_rate", gainRate = "gain_rate"
            case headedFor = "headed_for", repetitionsWithWorkload = "repetitions_with_workload"
            case powerAtGateSize = "power_at_gate_size"
        }
    }

    /// The power asked for.
    public var power: Double
    /// The judge's confidence.
    public var confidence: Double
    /// Cases the workload has, and the repetitions the gate sets.
    public var workloadCases: Int
    public var workloadRepetitions: Int
    /// `pilot` (variances measured) or `assumed` (flags).
    public var source: String
    /// Paired cases and trials the pilot gave.
    public var pilotCases: Int
    public var pilotTrials: Int
    /// One row per planned gate.
    public var rows: [Row]
    /// The fewest repetitions of the workload's cases that decide every row; nil when cases,
    /// not repetitions, are short (a row's `sizes` then says how many cases it needs).
    public var recommendedRepetitions: Int?

    /// The repetition counts every row is sized at.
    public static let repetitionCounts = [1, 2, 3, 5, 10]

    /// A plan from a pilot's paired trials.
    public init(pilot pairs: [Pairing.Pair], thresholds: Thresholds, confidence: Double, power: Double,
                workloadCases: Int, workloadRepetitions: Int) {
        var reward: [CaseKey: [Double]] = [:]
        var completion: [CaseKey: [Double]] = [:]
        var steps: [CaseKey: [Double]] = [:]
        var losses = 0
        var gains = 0
        for pair in pairs {
            let key = pair.candidate.key.caseKey
            reward[key, default: []].append(pair.candidate.reward - pair.baseline.reward)
            completion[key, default: []].append((pair.candidate.completed ? 1 : 0) - (pair.baseline.completed ? 1 : 0))
            steps[key, default: []].append(Double(pair.candidate.steps - pair.baseline.steps))
            if pair.baseline.completed && !pair.candidate.completed { losses += 1 }
            if !pair.baseline.completed && pair.candidate.completed { gains += 1 }
        }
        func groups(_ byCase: [CaseKey: [Double]]) -> [[Double]] { byCase.keys.sorted().map { byCase[$0] ?? [] } }
        let shape = (confidence: confidence, power: power, cases: workloadCases, repetitions: workloadRepetitions)
        var rows: [Row] = []
        let deltas: [(GateResult.Name, [[Double]], Double, GateResult.Comparison)] = [
            (.reward, groups(reward), thresholds.minRewardDelta, .atLeast),
            (.completion, groups(completion), thresholds.minCompletionDelta, .atLeast),
            (.steps, groups(steps), thresholds.maxStepsIncrease, .atMost),
        ]
        for (gate, values, threshold, comparison) in deltas {
            guard let components = VarianceComponents(groups: values) else { continue }
            rows.append(Self.row(gate, PowerPlan(components: components, threshold: threshold, comparison: comparison,
                                                 confidence: confidence, power: power), shape: shape))
        }
        if thresholds.failOnCompletionRegression, !pairs.isEmpty {
            rows.append(Self.regressionRow(
                RegressionPowerPlan(lossRate: Double(losses) / Double(pairs.count), gainRate: Double(gains) / Double(pairs.count),
                                    confidence: confidence, power: power), shape: shape))
        }
        self.init(power: power, confidence: confidence, workloadCases: workloadCases, workloadRepetitions: workloadRepetitions,
                  source: "pilot", pilotCases: reward.count, pilotTrials: pairs.count, rows: rows)
    }

    /// A plan from assumed figures for the reward and completion gates (no pilot).
    public init(assumed components: VarianceComponents, thresholds: Thresholds, confidence: Double, power: Double,
                workloadCases: Int, workloadRepetitions: Int) {
        let shape = (confidence: confidence, power: power, cases: workloadCases, repetitions: workloadRepetitions)
        let rows = [(GateResult.Name.reward, thresholds.minRewardDelta), (.completion, thresholds.minCompletionDelta)].map { gate, threshold in
            Self.row(gate, PowerPlan(components: components, threshold: threshold, comparison: .atLeast, confidence: confidence, power: power),
                     shape: shape)
        }
        self.init(power: power, confidence: confidence, workloadCases: workloadCases, workloadRepetitions: workloadRepetitions,
                  source: "assumed", pilotCases: 0, pilotTrials: 0, rows: rows)
    }

    private init(power: Double, confidence: Double, workloadCases: Int, workloadRepetitions: Int, source: String,
                 pilotCases: Int, pilotTrials: Int, rows: [Row]) {
        self.power = power
        self.confidence = confidence
        self.workloadCases = workloadCases
        self.workloadRepetitions = workloadRepetitions
        self.source = source
        self.pilotCases = pilotCases
        self.pilotTrials = pilotTrials
        self.rows = rows
        let needed = rows.map(\.repetitionsWithWorkload)
        recommendedRepetitions = needed.contains(where: { $0 == nil }) ? nil : needed.compactMap { $0 }.max() ?? workloadRepetitions
    }

    private static func row(
        _ gate: GateResult.Name, _ plan: PowerPlan, shape: (confidence: Double, power: Double, cases: Int, repetitions: Int)
    ) -> Row {
        var note: String?
        if plan.isDeterministic {
            note = plan.margin > Judge.tolerance
                ? "the pilot's differences do not vary: any size decides it; a live model varies, so pilot with one"
                : "every difference is exactly the threshold: no size decides it"
        } else if plan.allowedStandardError == nil {
            note = "the expected difference sits on the threshold: no size decides it"
        } else if plan.repetitionsNeeded(cases: shape.cases) == nil {
            note = "the differences between cases are too wide for \(shape.cases) cases: add cases, not repetitions"
        }
        return Row(
            gate: gate, threshold: plan.threshold, comparison: plan.comparison, expected: plan.components.mean,
            betweenSD: plan.components.between.squareRoot(), withinSD: plan.components.within.squareRoot(),
            headedFor: plan.headedFor,
            sizes: repetitionCounts.map { Size(repetitions: $0, cases: plan.casesNeeded(repetitions: $0)) },
            repetitionsWithWorkload: plan.repetitionsNeeded(cases: shape.cases),
            powerAtGateSize: plan.probabilityDecided(cases: shape.cases, repetitions: shape.repetitions), note: note)
    }

    private static func regressionRow(
        _ plan: RegressionPowerPlan, shape: (confidence: Double, power: Double, cases: Int, repetitions: Int)
    ) -> Row {
        let trials = plan.trialsNeeded
        let sizes = repetitionCounts.map { repetitions in
            Size(repetitions: repetitions, cases: trials.map { max(1, Int((Double($0) / Double(repetitions)).rounded(.up))) })
        }
        let repetitions = trials.flatMap { shape.cases > 0 ? max(1, Int((Double($0) / Double(shape.cases)).rounded(.up))) : nil }
        let power = plan.probabilityDecided(trials: shape.cases * shape.repetitions)
        return Row(
            gate: .completionRegressions, threshold: 0, comparison: .atMost, expected: plan.lossRate - plan.gainRate,
            lossRate: plan.lossRate, gainRate: plan.gainRate, headedFor: plan.headedFor, sizes: sizes,
            repetitionsWithWorkload: repetitions, powerAtGateSize: power,
            note: trials == nil ? "losses and gains are equally likely: no size decides it" : nil)
    }

    enum CodingKeys: String, CodingKey {
        case power, confidence, source, rows
        case workloadCases = "workload_cases", workloadRepetitions = "workload_repetitions"
        case pilotCases = "pilot_cases", pilotTrials = "pilot_trials", recommendedRepetitions = "recommended_repetitions"
    }
}
