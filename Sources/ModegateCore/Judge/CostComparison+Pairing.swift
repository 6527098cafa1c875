extension CostComparison {
    /// The costs of the paired trials of two runs; in statistical mode each delta gets the paired
    /// cluster-bootstrap interval by case, from the verdict's resamples, confidence and seed.
    /// Nil when no trial paired: there is nothing to put side by side.
    init?(candidate: StoredRun, baseline: StoredRun, pairing: Pairing, settings: JudgementSettings) {
        guard !pairing.pairs.isEmpty else { return nil }
        let (cases, latencies) = Self.caseSums(pairing.pairs)
        let statistic = CostDeltaStatistic(cases: cases, latencies: latencies)
        let observed = statistic.values(drawn: Array(cases.indices))
        let currency = Self.commonCurrency(candidate, baseline)
        let pricedApart = currency == nil && candidate.currency != nil && baseline.currency != nil
        var figures = CostFigure.Name.allCases.map { name -> CostFigure in
            let notRecorded = [(ArmRole.baseline, baseline), (.candidate, candidate)]
                .filter { $0.1.notRecorded.contains(name) }.map(\.0)
            let values = observed[name] ?? CostDeltaStatistic.ArmValues()
            let baselineValue = notRecorded.contains(.baseline) ? nil : values.baseline
            let candidateValue = notRecorded.contains(.candidate) ? nil : values.candidate
            var delta: Double?
            var ratio: Double?
            // Costs in two currencies are listed, but a difference of them means nothing.
            if let baselineValue, let candidateValue, !(name == .cost && pricedApart) {
                delta = candidateValue - baselineValue
                if name.hasRatio, baselineValue > 0 { ratio = candidateValue / baselineValue }
            }
            return CostFigure(
                name: name, baseline: baselineValue, candidate: candidateValue, delta: delta, ratio: ratio,
                notRecorded: notRecorded)
        }
        if settings.mode == .statistical {
            let measured = figures.filter { $0.delta != nil }.map(\.name)
            let intervals = PairedBootstrap.intervals(
                of: statistic.restricted(to: measured), resamples: settings.bootstrapResamples,
                confidence: settings.confidence, seed: settings.seed)
            for (name, interval) in zip(measured, intervals) {
                if let slot = figures.firstIndex(where: { $0.name == name }) { figures[slot].interval = interval }
            }
        }
        self.init(
            pairedTrials: pairing.pairs.count, currency: currency,
            tokensEstimated: candidate.tokensEstimated || baseline.tokensEstimated, figures: figures)
    }

    /// The currency both arms' costs are in; one arm's when the other's plan names none.
    static func commonCurrency(_ candidate: StoredRun, _ baseline: StoredRun) -> String? {
        let named = [candidate, baseline].filter { !$0.notRecorded.contains(.cost) }.compactMap(\.currency)
        guard let first = named.first, named.allSatisfy({ $0 == first }) else { return nil }
        return first
    }

    /// A warning when the arms were priced in different currencies, whose costs are not compared.
    static func currencyWarnings(_ candidate: StoredRun, _ baseline: StoredRun) -> [String] {
        guard let base = baseline.currency, let cand = candidate.currency, base != cand,
            !candidate.notRecorded.contains(.cost), !baseline.notRecorded.contains(.cost)
        else { return [] }
        return ["the baseline is priced in \(base) and the candidate in \(cand); their costs are listed but not compared"]
    }

    /// Groups paired trials (in key order, so a case's repetitions are adjacent) into per-case sums.
    static func caseSums(_ pairs: [Pairing.Pair]) -> ([PairedCostSums], [PairedBootstrap.CaseLatencies]) {
        let groups = CaseGroups(pairs, empty: PairedCostSums()) { $0.add(candidate: $1.candidate, baseline: $1.baseline) }
        return (groups.sums, groups.latencies)
    }
}
