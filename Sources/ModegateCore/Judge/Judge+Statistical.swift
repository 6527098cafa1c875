import Foundation

extension Judge {
    /// Statistical mode: paired cluster-bootstrap intervals for the deltas and ratios, McNemar's
    /// exact test for completion flips, and three-state gates.
    func statisticalGates(candidate: StoredRun, baseline: StoredRun, pairing: Pairing) -> [GateResult] {
        statisticalEvidence(candidate: candidate, baseline: baseline, pairing: pairing).gates
    }

    /// The statistical gates, and the p-value each tested gate's decision agrees with: the
    /// bootstrap's for an interval gate, McNemar's for completion regressions (what Holm's
    /// correction across presets adjusts).
    func statisticalEvidence(candidate: StoredRun, baseline: StoredRun, pairing: Pairing)
        -> (gates: [GateResult], pValues: [GateResult.Name: Double])
    {
        let (sums, latencies) = Self.caseSums(pairing.pairs)
        let needsLatency = gateSet == .full && thresholds.maxP95LatencyIncreaseRatio != nil
        let bootstrap = PairedBootstrap(
            cases: sums, latencies: needsLatency ? latencies : nil, resamples: settings.bootstrapResamples,
            confidence: settings.confidence, seed: settings.seed)
        let distributions = bootstrap.distributions()
        let intervals = PairedBootstrap.intervals(distributions, confidence: settings.confidence)
        var observed = PairedEstimates.Accumulator()
        sums.forEach { observed.add($0) }
        let estimates = observed.estimates
        let cases = sums.count
        var gates = [
            intervalGate(.reward, estimate: estimates.rewardDelta, interval: intervals.rewardDelta,
                         threshold: thresholds.minRewardDelta, comparison: .atLeast, cases: cases),
            intervalGate(.completion, estimate: estimates.completionDelta, interval: intervals.completionDelta,
                         threshold: thresholds.minCompletionDelta, comparison: .atLeast, cases: cases),
            intervalGate(.steps, estimate: estimates.stepsIncrease, interval: intervals.stepsIncrease,
                         threshold: thresholds.maxStepsIncrease, comparison: .atMost, cases: cases),
        ]
        if thresholds.failOnCompletionRegression {
            gates.append(mcNemarGate(pairing: pairing, cases: cases))
        }
        let tested: [(GateResult.Name, BootstrapDistribution?)] = [
            (.reward, distributions.rewardDelta), (.completion, distributions.completionDelta),
            (.steps, distributions.stepsIncrease), (.tokenIncreaseRatio, distributions.tokenIncreaseRatio),
            (.costIncreaseRatio, distributions.costIncreaseRatio),
            (.p95LatencyIncreaseRatio, distributions.p95LatencyIncreaseRatio),
        ]
        guard gateSet == .full else { return (gates, Self.pValues(of: gates, distributions: tested)) }
        gates += operationalGates(candidate: candidate, baseline: baseline)
        let ratios: [(GateResult.Name, Double?, Double?, ConfidenceInterval?)] = [
            (.tokenIncreaseRatio, thresholds.maxTokenIncreaseRatio, estimates.tokenIncreaseRatio, intervals.tokenIncreaseRatio),
            (.costIncreaseRatio, thresholds.maxCostIncreaseRatio, estimates.costIncreaseRatio, intervals.costIncreaseRatio),
            (.p95LatencyIncreaseRatio, thresholds.maxP95LatencyIncreaseRatio, Self.observedP95Ratio(latencies), intervals.p95LatencyIncreaseRatio),
        ]
        for (name, threshold, estimate, interval) in ratios {
            guard let threshold else { continue }
            guard let estimate, let interval else {
                gates.append(GateResult(
                    name: name, status: .inconclusive, observed: .nan, threshold: threshold, comparison: .atMost,
                    detail: "the baseline measured zero, so no ratio exists"))
                continue
            }
            gates.append(intervalGate(name, estimate: estimate, interval: interval, threshold: threshold,
                                      comparison: .atMost, cases: cases))
        }
        return (gates, Self.pValues(of: gates, distributions: tested))
    }

    /// The p-value of each tested gate: an interval gate's from its bootstrap distribution at its
    /// threshold (with the judge's tolerance, as `intervalGate` decides), McNemar's as computed.
    static func pValues(of gates: [GateResult], distributions: [(GateResult.Name, BootstrapDistribution?)])
        -> [GateResult.Name: Double]
    {
        var pValues: [GateResult.Name: Double] = [:]
        for gate in gates {
            if gate.name == .completionRegressions, let p = gate.pValue { pValues[gate.name] = p }
            guard gate.interval != nil,
                let distribution = distributions.first(where: { $0.0 == gate.name })?.1
            else { continue }
            let pivot = gate.comparison == .atLeast ? gate.threshold - tolerance : gate.threshold + tolerance
            pValues[gate.name] = distribution.pValue(pivot: pivot, comparison: gate.comparison)
        }
        return pValues
    }

    /// Passes when the whole interval meets the threshold, fails when the whole interval misses it.
    func intervalGate(
        _ name: GateResult.Name, estimate: Double, interval: ConfidenceInterval, threshold: Double,
        comparison: GateResult.Comparison, cases: Int
    ) -> GateResult {
        let meets: (Double) -> Bool = comparison == .atLeast
            ? { $0 >= threshold - Self.tolerance } : { $0 <= threshold + Self.tolerance }
        let status: GateResult.Status =
            meets(interval.lower) && meets(interval.upper) ? .pass
            : (!meets(interval.lower) && !meets(interval.upper) ? .fail : .inconclusive)
        let range = "[\(signed(interval.lower)), \(signed(interval.upper))]"
        let level = "\(Int((interval.confidence * 100).rounded()))%"
        var detail: String
        var needed: Int?
        switch status {
        case .pass: detail = "estimate \(signed(estimate)), \(level) interval \(range) lies entirely on the passing side of \(signed(threshold))"
        case .fail: detail = "estimate \(signed(estimate)), \(level) interval \(range) lies entirely on the failing side of \(signed(threshold))"
        case .inconclusive:
            needed = Self.casesNeeded(estimate: estimate, interval: interval, threshold: threshold, cases: cases)
            detail = "estimate \(signed(estimate)), \(level) interval \(range) straddles \(signed(threshold))"
                + (needed.map { "; about \($0) paired cases would decide it" } ?? "; the estimate sits on the threshold, so more cases alone will not decide it")
        }
        return GateResult(
            name: name, status: status, observed: estimate, threshold: threshold, comparison: comparison,
            interval: interval, casesNeeded: needed, detail: detail)
    }

    /// The interval narrows as 1/√n: the side facing the threshold must shrink below the margin.
    static func casesNeeded(estimate: Double, interval: ConfidenceInterval, threshold: Double, cases: Int) -> Int? {
        let margin = abs(estimate - threshold)
        guard margin > tolerance, cases > 0 else { return nil }
        let reach = estimate > threshold ? estimate - interval.lower : interval.upper - estimate
        guard reach > 0 else { return nil }
        let scale = (reach / margin) * (reach / margin)
        let needed = (Double(cases) * scale).rounded(.up)
        return needed < 1e9 ? max(cases + 1, Int(needed)) : nil
    }

    /// McNemar's exact one-sided test: fails when losses significantly outnumber gains, passes when
    /// losses do not outnumber gains, and is inconclusive in between.
    func mcNemarGate(pairing: Pairing, cases: Int) -> GateResult {
        let test = McNemarTest(losses: pairing.completionRegressions.count, gains: pairing.completionGains.count)
        let alpha = 1 - settings.confidence
        let p = test.pValue
        let counts = "\(test.losses) losses vs \(test.gains) gains over \(pairing.pairs.count) paired trials"
        if test.losses <= test.gains {
            return GateResult(
                name: .completionRegressions, status: .pass, observed: Double(test.losses), threshold: 0,
                comparison: .atMost, pValue: p, detail: "\(counts): no net completion regression (McNemar p = \(String(format: "%.4f", p)))")
        }
        if p <= alpha {
            return GateResult(
                name: .completionRegressions, status: .fail, observed: Double(test.losses), threshold: 0,
                comparison: .atMost, pValue: p,
                detail: "\(counts): losses significantly outnumber gains (McNemar p = \(String(format: "%.4f", p)) ≤ \(String(format: "%.4f", alpha)))")
        }
        var needed: Int?
        if let pairs = test.discordantPairsNeeded(alpha: alpha), test.discordant > 0 {
            needed = max(cases + 1, Int((Double(cases) * Double(pairs) / Double(test.discordant)).rounded(.up)))
        }
        return GateResult(
            name: .completionRegressions, status: .inconclusive, observed: Double(test.losses), threshold: 0,
            comparison: .atMost, pValue: p, casesNeeded: needed,
            detail: "\(counts): more losses than gains but not significant (McNemar p = \(String(format: "%.4f", p)))"
                + (needed.map { "; about \($0) paired cases would decide it" } ?? ""))
    }

    /// Groups paired trials (already in key order, so a case's repetitions are adjacent) into per-case sums.
    static func caseSums(_ pairs: [Pairing.Pair]) -> ([PairedCaseSums], [PairedBootstrap.CaseLatencies]) {
        let groups = CaseGroups(pairs, empty: PairedCaseSums()) { $0.add(candidate: $1.candidate, baseline: $1.baseline) }
        return (groups.sums, groups.latencies)
    }

    static func observedP95Ratio(_ latencies: [PairedBootstrap.CaseLatencies]) -> Double? {
        PairedBootstrap.p95Ratio(latencies, drawn: Array(latencies.indices))
    }
}
