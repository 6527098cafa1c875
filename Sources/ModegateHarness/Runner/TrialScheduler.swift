import Foundation
import ModegateCore
import ModegateMCP
import Synchronization

/// Stage 3 of a run: plays the trials of the arms, batch by batch (one batch of every case unless
/// the run asks for batches). Within a batch the order is sequential (every trial of the first
/// arm, then of the next) or interleaved (case by case, the arms in a seeded order), at most
/// `concurrency` trials at a time. Every reason to stop goes through the run's one `RunStop`: the
/// budget asked before each trial, Ctrl-C (the task cancelled), a trial the store cannot take,
/// the `BatchReview` after each batch, and an MCP server that cannot be started again (set from
/// the MCP layer). Once it has a reason no new trial starts, and the reason is returned; after a
/// halted server, trials that end with an `mcp` error are not kept, so `--resume` plays them again.
struct TrialScheduler: Sendable {
    let recorders: [any ArmRecording]
    let cases: [WorkloadCase]
    let repetitions: Int
    let order: WorkloadPlan.ArmOrder
    let seed: UInt64
    let concurrency: Int
    let budget: BudgetGuard
    let progress: any ProgressSink
    var stop = RunStop()
    var batching: GateRunner.Batching?
    /// Trials of arms that are not played (a reused baseline), shown to the batch review.
    var reusedTrials: [ArmRole: [TrialRecord]] = [:]

    func play(with runner: any TrialPlaying) async throws -> StopReason? {
        progress.started(arms: recorders.map { ($0.arm.role.rawValue, $0.planned) })
        let batches = self.batches()
        for (index, stages) in batches.enumerated() {
            try await play(stages, with: runner)
            if Task.isCancelled { stop.stop(.interrupted) }
            if let reason = stop.reason { return reason }
            guard let batching, index < batches.count - 1 else { continue }
            var trials = reusedTrials
            for recorder in recorders { trials[recorder.arm.role] = recorder.trials }
            if let reason = await batching.review.review(afterBatch: index, trials: trials) { stop.stop(.requested(reason)) }
            if let reason = stop.reason { return reason }
        }
        if Task.isCancelled { stop.stop(.interrupted) }
        return stop.reason
    }

    /// One batch's stages, `concurrency` trials at a time; throws what the store threw.
    private func play(_ stages: [[(TrialSpec, any ArmRecording)]], with runner: any TrialPlaying) async throws {
        let queue = TrialQueue(stages: stages, stop: stop)
        let failure = FirstFailure()
        await withTaskGroup(of: Void.self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    while !Task.isCancelled, let (spec, recorder) = await queue.next() {
                        if let reason = await budget.admitTrial() {
                            await queue.stop(reason)
                            return
                        }
                        let played = await runner.play(spec, runID: recorder.runID)
                        await queue.trialFinished()
                        // A trial cut short by Ctrl-C is not kept: `--resume` plays it again.
                        if played.record.error?.category == .cancelled { continue }
                        if stop.serverHalt != nil, played.record.error?.category == .mcp { return }
                        do {
                            let done = try recorder.record(played)
                            progress.finished(arm: recorder.arm.role.rawValue, done: done, total: recorder.planned)
                        } catch {
                            failure.keep(error)
                            await queue.stop(.recordingFailed("\(error)"))
                            return
                        }
                    }
                }
            }
        }
        if let error = failure.error { throw error }
    }

    /// The trials still to play, batch by batch, each batch in stages: a stage must finish
    /// before the next starts (sequential order has one per arm; interleaved order has one).
    /// The interleaved arm order is drawn for the whole workload first, so batching does not
    /// change it.
    func batches() -> [[[(TrialSpec, any ArmRecording)]]] {
        let done = recorders.map(\.finishedKeys)
        var cases = self.cases
        if let seed = batching?.seededOrder {
            cases.sort { lhs, rhs in
                let (left, right) = (lhs.caseKey, rhs.caseKey)
                return (SequentialOrder.key(left, seed: seed), left) < (SequentialOrder.key(right, seed: seed), right)
            }
        }
        func pending(_ index: Int, _ workload: WorkloadCase, _ repetition: Int) -> (TrialSpec, any ArmRecording)? {
            let spec = TrialSpec(workloadCase: workload, repetition: repetition, arm: recorders[index].arm)
            return done[index].contains(spec.key) ? nil : (spec, recorders[index])
        }
        var generator = SeededGenerator(seed: seed)
        // Per case and repetition, the arm that goes first (interleaved order only).
        let firsts: [[Int]] = cases.map { _ in
            (0..<repetitions).map { _ in order == .interleaved && recorders.count == 2 ? generator.index(below: 2) : 0 }
        }
        let size = batching?.cases ?? max(cases.count, 1)
        return stride(from: 0, to: cases.count, by: size).map { start in
            let range = start..<min(start + size, cases.count)
            switch order {
            case .sequential:
                return recorders.indices.map { index in
                    range.flatMap { caseIndex in (0..<repetitions).compactMap { pending(index, cases[caseIndex], $0) } }
                }
            case .interleaved:
                var trials: [(TrialSpec, any ArmRecording)] = []
                for caseIndex in range {
                    for repetition in 0..<repetitions {
                        let first = firsts[caseIndex][repetition]
                        let arms = recorders.count == 2 ? [first, 1 - first] : Array(recorders.indices)
                        for index in arms {
                            if let trial = pending(index, cases[caseIndex], repetition) { trials.append(trial) }
                        }
                    }
                }
                return [trials]
            }
        }
    }
}
