import Foundation
import ModegateCore

/// Plays a sweep: at every shape, one gate run of both arms over the derived workload (same model,
/// tools and arms as the gate), stored like any other run (in the runner's store); then each preset's trials are paired
/// and analysed into the report. The shapes are played one after the other, smallest first, so
/// an interrupted sweep keeps the runs of the shapes it finished.
public struct SweepRunner: Sendable {
    /// Runs one shape's gate run; its plan is the gate's, with the sweep's repetitions.
    public var runner: GateRunner
    /// What the sweep sizes.
    public var workload: SweepWorkload
    /// Cases (slots) per shape.
    public var casesPerShape: Int

    /// A sweep of `workload` through `runner` (whose invocation says how many trials at a time).
    public init(runner: GateRunner, workload: SweepWorkload, casesPerShape: Int) {
        self.runner = runner
        self.workload = workload
        self.casesPerShape = casesPerShape
    }

    /// The samples of every preset, by preset name, one per shape. `progress` hears a line per
    /// shape; `clock` times them. Throws what the runner throws, and `HarnessError`-like errors
    /// when a shape's run stopped early (its runs are kept).
    public func play(_ shapes: [SweepShape], progress: @Sendable (String) -> Void, clock: @Sendable () -> Date = Date.init) async throws -> [String: [SweepSample]] {
        var samples: [String: [SweepSample]] = [:]
        for (index, shape) in shapes.enumerated() {
            let presets = workload.presets(at: shape, cases: casesPerShape, seed: runner.plan.workload.seed)
            progress("sweep \(index + 1)/\(shapes.count): \(shape) (fan-out \(shape.fanOut)): \(presets.map(\.name).joined(separator: ", ")), "
                + "\(casesPerShape) cases × \(runner.plan.workload.repetitions) repetitions × 2 arms")
            let started = clock()
            let outcome = try await runner.playing(presets).run()
            let seconds = clock().timeIntervalSince(started)
            if let stopped = outcome.stoppedEarly {
                throw SweepStopped(shape: shape, reason: "\(stopped)", runs: [outcome.baseline.id, outcome.candidate.id])
            }
            let pairing = Pairing(candidate: outcome.candidate.trials, baseline: outcome.baseline.trials)
            for preset in presets {
                let sample = SweepSample(
                    shape: shape, caseIDs: preset.cases.map(\.id), pairs: pairing.pairs.filter { $0.candidate.key.preset == preset.name },
                    baselineRun: outcome.baseline.id, candidateRun: outcome.candidate.id, wallSeconds: seconds)
                samples[preset.name, default: []].append(sample)
            }
            progress(String(format: "sweep %d/%d: %@ done in %.1f s (runs %@, %@)", index + 1, shapes.count, shape.description, seconds,
                            outcome.baseline.id, outcome.candidate.id))
        }
        return samples
    }
}
