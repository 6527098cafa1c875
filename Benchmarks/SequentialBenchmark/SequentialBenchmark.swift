import Foundation
import ModegateCore

/// `make bench`: what sequential judging saves. Simulated gate runs (reward differences
/// Δ + case effect + noise, completions and steps equal) are judged as the runner judges them,
/// looking after every batch and stopping once every gate is decided; prints the mean share of
/// the workload's cases used and how the reward gate was decided, for no change, a small and a
/// large drop; then, under the default rule (`fail_on_completion_regression` on, tolerance
/// 0.05), how the completion-regression gate decides ties with few or no discordant pairs and
/// real regressions. Asserts nothing.
@main
struct SequentialBenchmark {
    static func main() {
        let cases = 500
        let runs = 200
        let settings = JudgementSettings(
            mode: .statistical, confidence: 0.95, bootstrapResamples: 1000, seed: 42, sequential: .init(batchCases: 10, minCases: 20))
        var thresholds = Thresholds.rlmDefaults
        thresholds.minRewardDelta = -0.05
        thresholds.minCompletionDelta = -0.05
        thresholds.failOnCompletionRegression = false
        let judge = Judge(thresholds: thresholds, settings: settings)
        print("modegate sequential judging benchmark: \(runs) simulated runs of \(cases) cases each, batches of 10, min_cases 20, 95% confidence, margin −0.05")
        for (name, delta) in [("no change (Δ 0)", 0.0), ("small drop (Δ −0.10)", -0.10), ("large drop (Δ −0.30)", -0.30)] {
            var generator = SeededGenerator(seed: UInt64(abs(delta * 1000)) + 1)
            var used = 0.0
            var outcomes: [GateResult.Status: Int] = [:]
            let start = Date()
            for _ in 0..<runs {
                let pairs = (0..<cases).map { index -> Pairing.Pair in
                    let difference = min(1, max(-1, delta + 0.2 * gaussian(&generator) + 0.2 * gaussian(&generator)))
                    let key = PairKey(preset: "p", caseID: String(format: "c%04d", index), repetition: 0)
                    return Pairing.Pair(
                        candidate: TrialOutcome(key: key, completed: true, reward: 0.5 + difference / 2, steps: 3),
                        baseline: TrialOutcome(key: key, completed: true, reward: 0.5 - difference / 2, steps: 3))
                }
                let evaluation = judge.sequentialEvaluation(pairs: pairs, atEnd: true)
                used += Double(evaluation.casesToDecideAll) / Double(cases)
                let reward = evaluation.gates.first { $0.name == .reward }?.status ?? .inconclusive
                outcomes[reward, default: 0] += 1
            }
            print(name.padding(toLength: 22, withPad: " ", startingAt: 0) + String(format: "mean fraction of cases used %.2f; reward gate pass %d, fail %d, inconclusive %d (%.1f s)",
                         used / Double(runs), outcomes[.pass] ?? 0, outcomes[.fail] ?? 0,
                         outcomes[.inconclusive] ?? 0, Date().timeIntervalSince(start)))
        }
        completionRegimes(cases: cases, runs: runs, settings: settings)
    }

    /// Completion regimes under the default thresholds: each case is lost by the candidate with
    /// probability `losses` and gained with `gains`; rewards follow completion.
    static func completionRegimes(cases: Int, runs: Int, settings: JudgementSettings) {
        var thresholds = Thresholds.rlmDefaults
        thresholds.minRewardDelta = -0.05
        thresholds.minCompletionDelta = -0.05
        let judge = Judge(thresholds: thresholds, settings: settings)
        print("under the default rule (fail_on_completion_regression on, completion_regression_tolerance \(thresholds.completionRegressionTolerance)):")
        let regimes = [("tie, no discordant pair", 0.0, 0.0), ("tie, 2% lost / 2% gained", 0.02, 0.02),
                       ("regression at 5% lost", 0.05, 0.0), ("regression at 10% lost", 0.10, 0.0)]
        for (index, (name, losses, gains)) in regimes.enumerated() {
            var generator = SeededGenerator(seed: UInt64(index) + 101)
            var used = 0.0
            var outcomes: [GateResult.Status: Int] = [:]
            let start = Date()
            for _ in 0..<runs {
                let pairs = (0..<cases).map { index -> Pairing.Pair in
                    let draw = Double(generator.next() >> 11) / Double(1 << 53)
                    let candidate = draw >= losses
                    let baseline = !(draw >= losses && draw < losses + gains)
                    let key = PairKey(preset: "p", caseID: String(format: "c%04d", index), repetition: 0)
                    return Pairing.Pair(
                        candidate: TrialOutcome(key: key, completed: candidate, reward: candidate ? 1 : 0, steps: 3),
                        baseline: TrialOutcome(key: key, completed: baseline, reward: baseline ? 1 : 0, steps: 3))
                }
                let evaluation = judge.sequentialEvaluation(pairs: pairs, atEnd: true)
                used += Double(evaluation.casesToDecideAll) / Double(cases)
                outcomes[evaluation.gates.first { $0.name == .completionRegressions }?.status ?? .inconclusive, default: 0] += 1
            }
            print(name.padding(toLength: 26, withPad: " ", startingAt: 0) + String(format: "mean fraction of cases used %.2f; completion-regression gate pass %d, fail %d, inconclusive %d (%.1f s)",
                         used / Double(runs), outcomes[.pass] ?? 0, outcomes[.fail] ?? 0,
                         outcomes[.inconclusive] ?? 0, Date().timeIntervalSince(start)))
        }
    }

    static func gaussian(_ generator: inout SeededGenerator) -> Double {
        let u = max(Double(generator.next() >> 11) / Double(1 << 53), 1e-300)
        let v = Double(generator.next() >> 11) / Double(1 << 53)
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }
}
