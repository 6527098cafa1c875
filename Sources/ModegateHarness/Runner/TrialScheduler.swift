import Foundation
import ModegateCore

/// Plays the trials of both arms: sequential (every baseline trial, then every candidate trial) or
/// interleaved (case by case, the arms in a seeded order), at most `concurrency` at a time.
/// Before each trial the budget is asked; once it trips, or the task is cancelled (Ctrl-C), no
/// new trial starts, and the reason is returned. Once `halt` is set (an MCP server that cannot be
/// started again) no new trial starts either, and trials that then end with an `mcp` error are
/// not kept, so `--resume` plays them again.
struct TrialScheduler: Sendable {
    let recorders: [ArmRecorder]
    let cases: [WorkloadCase]
    let repetitions: Int
    let order: WorkloadPlan.ArmOrder
    let seed: UInt64
    let concurrency: Int
    let budget: BudgetGuard
    let progress: any ProgressSink
    var halt = RunHalt()

    func play(with runner: TrialRunner) async throws -> String? {
        progress.started(arms: recorders.map { ($0.settings.name, $0.planned) })
        let queue = TrialQueue(stages: stages())
        let failure = FirstError()
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
                        if let reason = halt.reason {
                            await queue.stop(reason)
                            if played.record.error?.category == .mcp { return }
                        }
                        do {
                            let done = try recorder.record(played)
                            progress.finished(arm: recorder.settings.name, done: done, total: recorder.planned)
                        } catch {
                            failure.set(error)
                            await queue.stop("could not record a trial: \(error)")
                            return
                        }
                    }
                }
            }
        }
        if let error = failure.error { throw error }
        if Task.isCancelled { return "interrupted" }
        return await queue.stopReason
    }

    /// The trials still to play, in stages: a stage must finish before the next starts
    /// (sequential order has two, one per arm; interleaved order has one).
    func stages() -> [[(TrialSpec, ArmRecorder)]] {
        let done = recorders.map(\.finishedKeys)
        func pending(_ index: Int, _ workload: WorkloadCase, _ repetition: Int) -> (TrialSpec, ArmRecorder)? {
            let spec = TrialSpec(workloadCase: workload, repetition: repetition, arm: recorders[index].settings)
            return done[index].contains(spec.key) ? nil : (spec, recorders[index])
        }
        switch order {
        case .sequential:
            return recorders.indices.map { index in
                cases.flatMap { workload in (0..<repetitions).compactMap { pending(index, workload, $0) } }
            }
        case .interleaved:
            var generator = SeededGenerator(seed: seed)
            var trials: [(TrialSpec, ArmRecorder)] = []
            for workload in cases {
                for repetition in 0..<repetitions {
                    let first = generator.index(below: 2)
                    for index in [first, 1 - first] {
                        if let trial = pending(index, workload, repetition) { trials.append(trial) }
                    }
                }
            }
            return [trials]
        }
    }
}

/// Hands out trials stage by stage; a stage's last trial must finish before the next stage starts.
actor TrialQueue {
    private var stages: [[(TrialSpec, ArmRecorder)]]
    private var position = 0
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private(set) var stopReason: String?

    init(stages: [[(TrialSpec, ArmRecorder)]]) { self.stages = stages.filter { !$0.isEmpty } }

    func next() async -> (TrialSpec, ArmRecorder)? {
        while true {
            if stopReason != nil || stages.isEmpty { return nil }
            if position < stages[0].count {
                defer { position += 1 }
                running += 1
                return stages[0][position]
            }
            if running == 0 {
                stages.removeFirst()
                position = 0
                let sleepers = waiting
                waiting.removeAll()
                sleepers.forEach { $0.resume() }
                continue
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// A trial handed out by `next()` is done.
    func trialFinished() {
        running -= 1
        if running == 0 {
            let sleepers = waiting
            waiting.removeAll()
            sleepers.forEach { $0.resume() }
        }
    }

    func stop(_ reason: String) {
        stopReason = stopReason ?? reason
        let sleepers = waiting
        waiting.removeAll()
        sleepers.forEach { $0.resume() }
    }
}

/// The first error any worker hit.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var error: Error?

    func set(_ error: Error) {
        lock.lock()
        if self.error == nil { self.error = error }
        lock.unlock()
    }
}
