import Foundation
import ModegateCore
import ModegateMCP
import Synchronization

/// Hands out trials stage by stage; a stage's last trial must finish before the next stage starts.
/// Once the run's `RunStop` has a reason, from here or from anywhere else, it hands out no more.
actor TrialQueue {
    private var stages: [[(TrialSpec, any ArmRecording)]]
    private var position = 0
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private let runStop: RunStop

    init(stages: [[(TrialSpec, any ArmRecording)]], stop: RunStop) {
        self.stages = stages.filter { !$0.isEmpty }
        runStop = stop
    }

    func next() async -> (TrialSpec, any ArmRecording)? {
        while true {
            if runStop.reason != nil || stages.isEmpty { return nil }
            if position < stages[0].count {
                defer { position += 1 }
                running += 1
                return stages[0][position]
            }
            if running == 0 {
                stages.removeFirst()
                position = 0
                wakeAll()
                continue
            }
            await withCheckedContinuation { waiting.append($0) }
        }
    }

    /// A trial handed out by `next()` is done.
    func trialFinished() {
        running -= 1
        if running == 0 { wakeAll() }
    }

    /// Stops the run for `reason` (unless it already stopped) and wakes the waiting workers.
    func stop(_ reason: StopReason) {
        runStop.stop(reason)
        wakeAll()
    }

    private func wakeAll() {
        let sleepers = waiting
        waiting.removeAll()
        sleepers.forEach { $0.resume() }
    }
}
