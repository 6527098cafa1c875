import Foundation
import ModegateCore

/// Writes synthetic runs through the real store, so the benchmark reads what a real run leaves.
enum SyntheticRuns {
    /// A run of `cases × repetitions` trials; the candidate is a little better on reward and steps.
    static func write(
        store: RunStore, id: String, strategy: Strategy, cases: Int, repetitions: Int, seed: UInt64, finishedAt: Date
    ) throws {
        var generator = SeededGenerator(seed: seed)
        func unit() -> Double { Double(generator.next() >> 11) / Double(1 << 53) }
        let started = finishedAt.addingTimeInterval(-600)
        let manifest = RunManifest(
            runID: id, toolVersion: "bench", strategy: strategy, presets: ["synthetic"], repetitions: repetitions,
            plannedTrials: cases * repetitions, seed: seed, host: "bench", startedAt: started)
        let writer = try store.create(manifest: manifest)
        var trials: [TrialRecord] = []
        trials.reserveCapacity(cases * repetitions)
        let better = strategy == .codemode ? 0.02 : 0
        for caseIndex in 0..<cases {
            let difficulty = unit()
            for repetition in 0..<repetitions {
                let completed = unit() > difficulty * 0.3
                let reward = completed ? min(1, max(0, 1 - difficulty * 0.5 + better + (unit() - 0.5) * 0.2)) : 0
                let steps = strategy == .codemode ? 2 + Int(unit() * 2) : 3 + Int(unit() * 4)
                var counters = TrialCounters()
                counters.modelRequests = steps
                counters.toolCalls = steps * 3
                counters.promptTokens = 800 * steps
                counters.completionTokens = 120 * steps
                counters.toolResponseBytes = 4096
                counters.modelVisibleToolBytes = strategy == .codemode ? 512 : 4096
                counters.modelInputBytes = 3200 * steps
                counters.latency = TrialLatency(total: 0.5 + unit(), model: 0.4, tool: 0.05, sandbox: 0.01)
                let trial = TrialRecord(
                    runID: id, preset: "synthetic", caseID: "case-\(caseIndex)", repetition: repetition,
                    strategy: strategy, completed: completed, reward: reward, finalAnswer: ["value": .number(reward)],
                    steps: steps, counters: counters, tokensEstimated: true, startedAt: started, finishedAt: started.addingTimeInterval(1))
                try writer.append(trial)
                trials.append(trial)
            }
        }
        let summary = RunSummary.summarizing(trials, manifest: manifest)
        try writer.finish(summary: summary, at: finishedAt)
    }
}
