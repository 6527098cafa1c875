/// The costs side by side as a bootstrap statistic: for a set of drawn cases, both arms' value of
/// each cost figure (means per paired trial, the payload-suppression share, latency quantiles)
/// and the candidate − baseline deltas the intervals are taken of. The observed figures are the
/// same computation over every case drawn once, so estimate and interval share one definition.
struct CostDeltaStatistic: ResampledStatistic {
    /// Both arms' values of one figure; nil where it cannot be measured.
    struct ArmValues: Hashable {
        var candidate: Double?
        var baseline: Double?

        /// Candidate − baseline when both exist.
        var delta: Double? {
            guard let candidate, let baseline else { return nil }
            return candidate - baseline
        }
    }

    /// Per-case sums, in case order.
    let cases: [PairedCostSums]
    /// The candidate's trial latencies by case.
    let candidateLatency: ClusterQuantiles
    /// The baseline's trial latencies by case.
    let baselineLatency: ClusterQuantiles
    /// The figures whose deltas a resample yields, in this order.
    let names: [CostFigure.Name]

    /// A statistic over `cases`, whose trial latencies are `latencies` in the same order.
    init(cases: [PairedCostSums], latencies: [PairedBootstrap.CaseLatencies], names: [CostFigure.Name] = CostFigure.Name.allCases) {
        self.cases = cases
        self.candidateLatency = ClusterQuantiles(latencies.map(\.candidate))
        self.baselineLatency = ClusterQuantiles(latencies.map(\.baseline))
        self.names = names
    }

    /// The same cases and latencies, yielding the deltas of `names` only.
    func restricted(to names: [CostFigure.Name]) -> CostDeltaStatistic {
        CostDeltaStatistic(cases: cases, candidateLatency: candidateLatency, baselineLatency: baselineLatency, names: names)
    }

    private init(
        cases: [PairedCostSums], candidateLatency: ClusterQuantiles, baselineLatency: ClusterQuantiles,
        names: [CostFigure.Name]
    ) {
        self.cases = cases
        self.candidateLatency = candidateLatency
        self.baselineLatency = baselineLatency
        self.names = names
    }

    var caseCount: Int { cases.count }
    var figureCount: Int { names.count }

    func figures(drawn: [Int], into figures: inout [Double]) {
        let values = self.values(drawn: drawn)
        for (slot, name) in names.enumerated() { figures[slot] = values[name]?.delta ?? .nan }
    }

    /// Both arms' value of each figure in `names` over the drawn cases.
    func values(drawn: [Int]) -> [CostFigure.Name: ArmValues] {
        var pairs = 0.0
        var candidate = PairedCostSums.Arm()
        var baseline = PairedCostSums.Arm()
        for index in drawn {
            pairs += cases[index].pairs
            candidate.add(cases[index].candidate)
            baseline.add(cases[index].baseline)
        }
        var values: [CostFigure.Name: ArmValues] = [:]
        for name in names where name != .latencyP50 && name != .latencyP95 {
            values[name] = ArmValues(candidate: candidate.value(name, trials: pairs), baseline: baseline.value(name, trials: pairs))
        }
        let quantiles = names.filter { $0 == .latencyP50 || $0 == .latencyP95 }
        if !quantiles.isEmpty {
            var multiplicity = [Int](repeating: 0, count: cases.count)
            for index in drawn { multiplicity[index] += 1 }
            let probabilities = quantiles.map { $0 == .latencyP50 ? 0.5 : 0.95 }
            let candidateQuantiles = candidateLatency.quantiles(probabilities, multiplicity: multiplicity)
            let baselineQuantiles = baselineLatency.quantiles(probabilities, multiplicity: multiplicity)
            for (slot, name) in quantiles.enumerated() {
                values[name] = ArmValues(
                    candidate: Self.finite(candidateQuantiles[slot]), baseline: Self.finite(baselineQuantiles[slot]))
            }
        }
        return values
    }

    private static func finite(_ value: Double) -> Double? { value.isNaN ? nil : value }
}
