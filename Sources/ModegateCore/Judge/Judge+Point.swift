import Foundation

extension Judge {
    /// Point mode: observed run-level values against thresholds with a 1e-9 tolerance. The four
    /// RLM gates read the runs' own recorded metrics, exactly as RLM Code's compare does.
    func pointGates(candidate: StoredRun, baseline: StoredRun, pairing: Pairing) -> [GateResult] {
        let cand = candidate.summary
        let base = baseline.summary
        var gates = [
            atLeast(.reward, observed: cand.avgReward - base.avgReward, threshold: thresholds.minRewardDelta,
                    what: "average reward \(format(base.avgReward)) → \(format(cand.avgReward))"),
            atLeast(.completion, observed: cand.completionRate - base.completionRate, threshold: thresholds.minCompletionDelta,
                    what: "completion rate \(percent(base.completionRate)) → \(percent(cand.completionRate))"),
            atMost(.steps, observed: cand.avgSteps - base.avgSteps, threshold: thresholds.maxStepsIncrease,
                   what: "average steps \(format(base.avgSteps)) → \(format(cand.avgSteps))"),
        ]
        if thresholds.failOnCompletionRegression {
            let count = pairing.completionRegressions.count
            gates.append(GateResult(
                name: .completionRegressions, status: count == 0 ? .pass : .fail, observed: Double(count), threshold: 0,
                comparison: .atMost,
                detail: "\(count) of \(pairing.pairs.count) paired trials completed in the baseline but not in the candidate"))
        }
        guard gateSet == .full else { return gates }
        gates += operationalGates(candidate: candidate, baseline: baseline)
        let candidateMetrics = ArmMetrics(candidate)
        let baselineMetrics = ArmMetrics(baseline)
        let ratios: [(GateResult.Name, Double?, Double, Double)] = [
            (.tokenIncreaseRatio, thresholds.maxTokenIncreaseRatio, candidateMetrics.meanTokens, baselineMetrics.meanTokens),
            (.costIncreaseRatio, thresholds.maxCostIncreaseRatio, candidateMetrics.meanCost, baselineMetrics.meanCost),
            (.p95LatencyIncreaseRatio, thresholds.maxP95LatencyIncreaseRatio, candidateMetrics.p95Latency, baselineMetrics.p95Latency),
        ]
        for (name, threshold, candidateValue, baselineValue) in ratios {
            guard let threshold else { continue }
            guard let ratio = PairedEstimates.Accumulator.ratio(candidateValue, baselineValue) else {
                gates.append(GateResult(
                    name: name, status: .inconclusive, observed: .nan, threshold: threshold, comparison: .atMost,
                    detail: "the baseline measured zero, so no ratio exists"))
                continue
            }
            gates.append(atMost(name, observed: ratio, threshold: threshold,
                                what: "per-trial mean \(format(baselineValue)) → \(format(candidateValue))"))
        }
        return gates
    }

    /// Gates on what happened in the runs rather than on an estimated effect; the same in both modes.
    func operationalGates(candidate: StoredRun, baseline: StoredRun) -> [GateResult] {
        let candidateMetrics = ArmMetrics(candidate)
        let baselineMetrics = ArmMetrics(baseline)
        let blocked = candidateMetrics.guardrailBlocked
        let worst = max(candidateMetrics.errorRate, baselineMetrics.errorRate)
        return [
            GateResult(
                name: .guardrailBlocked,
                status: blocked <= thresholds.maxGuardrailBlocked ? .pass : .fail, observed: Double(blocked),
                threshold: Double(thresholds.maxGuardrailBlocked), comparison: .atMost,
                detail: "\(blocked) candidate programs were blocked by guardrails"),
            GateResult(
                name: .errorRate, status: worst <= thresholds.maxErrorRate + Self.tolerance ? .pass : .fail,
                observed: worst, threshold: thresholds.maxErrorRate, comparison: .atMost,
                detail: "infrastructure errors: baseline \(baselineMetrics.infrastructureErrors)/\(baselineMetrics.trials), candidate \(candidateMetrics.infrastructureErrors)/\(candidateMetrics.trials) trials"),
        ]
    }

    func atLeast(_ name: GateResult.Name, observed: Double, threshold: Double, what: String) -> GateResult {
        let passed = observed >= threshold - Self.tolerance
        return GateResult(
            name: name, status: passed ? .pass : .fail, observed: observed, threshold: threshold, comparison: .atLeast,
            detail: "\(what): \(signed(observed)) \(passed ? "meets" : "misses") the minimum \(signed(threshold))")
    }

    func atMost(_ name: GateResult.Name, observed: Double, threshold: Double, what: String) -> GateResult {
        let passed = observed <= threshold + Self.tolerance
        return GateResult(
            name: name, status: passed ? .pass : .fail, observed: observed, threshold: threshold, comparison: .atMost,
            detail: "\(what): \(signed(observed)) \(passed ? "within" : "exceeds") the maximum \(signed(threshold))")
    }
}

func format(_ value: Double) -> String { String(format: "%.3f", value) }
func signed(_ value: Double) -> String { String(format: "%+.3f", value) }
func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }
