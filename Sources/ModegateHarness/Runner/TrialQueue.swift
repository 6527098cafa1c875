import Foundation
import ModegateCore
import ModegateMCP
import Synchronization

/// Hands out trials stage by stage; a stage's last trial must finish before the next stage starts.
actor TrialQueue {
    private var stages: [[(TrialSpec, any ArmRecording)]]
    private var position = 0
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private(set) var stopReason: StopReason?

    init(stages: [[(TrialSpec, any ArmRecording)]]) { self.stages = stages.filter { !$0.isEmpty } }

    func next() async -> (TrialSpec, any ArmRecording)? {
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

    func stop(_ reason: StopReason) {
        stopReason = stopReason ?? reason
        wakeAll()
    }

    private func wakeAll() {
        let sleepers = waiting
        waiting.removeAll()
        sleepers.forEach { $0.resume() }
    }
}
