import Foundation
@testable import ModegateCore

/// Builds in-memory runs for judge tests: one trial per (case, repetition) from closures.
struct RunBuilder {
    var id: String
    var strategy: Strategy
    var preset = "smoke"
    var finishedAt = Date(timeIntervalSince1970: 1_800_000_000)

    func run(
        cases: Int, repetitions: Int = 1,
        _ outcome: (_ caseIndex: Int, _ repetition: Int) -> (completed: Bool, reward: Double, steps: Int)
    ) -> StoredRun {
        var trials: [TrialOutcome] = []
        for caseIndex in 0..<cases {
            for repetition in 0..<repetitions {
                let value = outcome(caseIndex, repetition)
                trials.append(TrialOutcome(
                    key: PairKey(preset: preset, caseID: String(format: "case-%03d", caseIndex), repetition: repetition),
                    completed: value.completed, reward: value.reward, steps: value.steps, promptTokens: 100 + value.steps * 10,
                    cost: 0.001 * Double(value.steps), latency: 1 + Double(value.steps) / 10))
            }
        }
        return stored(trials)
    }

    func stored(_ trials: [TrialOutcome]) -> StoredRun {
        let count = max(trials.count, 1)
        let metrics = RunMetrics(
            totalCases: trials.count, completedCases: trials.filter(\.completed).count, attemptedCases: trials.count,
            avgReward: trials.map(\.reward).reduce(0, +) / Double(count),
            avgSteps: Double(trials.map(\.steps).reduce(0, +)) / Double(count))
        return StoredRun(
            id: id, source: .native, path: "/runs/\(id)", summaryPath: "/runs/\(id)/summary.json", strategy: strategy,
            manifest: nil, summary: metrics, presets: [preset], trials: trials, isFinished: true, cancelled: false,
            cancelReason: nil, startedAt: finishedAt.addingTimeInterval(-60), finishedAt: finishedAt, warnings: [])
    }
}

/// A deterministic pseudo-random stream for building noisy runs.
struct Noise {
    var generator: SeededGenerator

    init(seed: UInt64) { generator = SeededGenerator(seed: seed) }

    mutating func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }
}
