import Foundation

extension Judge {
    /// The method, as the verdict names it.
    static let sequentialMethod =
        "asymptotic confidence sequences (Gaussian mixture, running intersection) on per-case paired differences; mixture e-processes for completion regressions (on discordant pairs against a regression; a betting mixture over all paired trials against one beyond the tolerance)"

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
        var regression = RegressionTracker(tolerance: thresholds.completionRegressionTolerance)
        var looked = 0
        var (losses, gains, trials) = (0, 0, 0)
        // Each look adds only the cases since the last one: a run's review after every batch
        // stays linear in its cases.
        for (look, point) in lookPoints.enumerated() {
            let added = cases[looked..<point]
            looked = point
            for index in trackers.indices { trackers[index].look(look + 1, adding: added.map(\.sums), sequence: sequence) }
            for item in added {
                losses += item.losses
                gains += item.gains
                trials += item.trials
            }
            if thresholds.failOnCompletionRegression {
                regression.look(look + 1, losses: losses, gains: gains, ties: trials - losses - gains, confidence: settings.confidence)
            }
        }
        var gates = trackers.map { $0.result(cases: n, sequence: sequence, atEnd: atEnd, lookCases: lookPoints, minCases: sequential.minCases) }
        var decided = trackers.allSatisfy { $0.decidedAt != nil }
        if thresholds.failOnCompletionRegression {
            gates.insert(regression.result(atEnd: atEnd, pairs: pairs.count, lookCases: lookPoints), at: min(3, gates.count))
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
