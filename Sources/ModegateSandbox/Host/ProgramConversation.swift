import Foundation
import ModegateCore
#if canImport(Glibc)
import Glibc
#endif

/// The host's side of one program in one worker: send it, answer its waves, enforce the
/// wall-clock limit by killing the worker, and read how it ended.
struct ProgramConversation {
    struct Finished {
        var record: SandboxRun
        var reusable: Bool
        var wallSeconds: Double {
            get { record.wallSeconds }
            set { record.wallSeconds = newValue }
        }
    }

    let worker: WorkerProcess
    let tools: any SandboxToolHandler
    let limits: SandboxLimits

    /// Runs the conversation on the worker's own thread (see `WorkerThread`).
    /// Cancelling the task (Ctrl-C) kills the worker at once, whatever the program is doing.
    func run(_ program: String) async -> Finished {
        await withTaskCancellationHandler {
            await withTaskExecutorPreference(worker.thread) { await converse(program) }
        } onCancel: { [worker] in
            worker.kill()
        }
    }

    private func converse(_ program: String) async -> Finished {
        var calls: [ToolCallRecord] = []
        var waves = 0
        let started = DispatchTime.now().uptimeNanoseconds
        worker.thread.setDeadline(started + UInt64(Self.killDelay(limits) * 1e9))
        defer { worker.thread.setDeadline(nil) }
        guard worker.send(.run(program: program, tools: tools.toolNames, limits: limits)) else {
            return ended(calls: calls, waves: waves)
        }
        while let message = await worker.inbox.next() {
            switch message {
            case .ready:
                continue
            case .wave(let invocations):
                waves += 1
                let results = await tools.handle(invocations)
                for (invocation, result) in zip(invocations, results) {
                    calls.append(ToolCallRecord(id: invocation.id, wave: waves, name: invocation.name,
                                                arguments: invocation.arguments, result: result))
                }
                worker.send(.results(results))
            case .done(let outcome, let logs, let truncated, let recycle):
                var record = SandboxRun(outcome: outcome, logs: logs, logsTruncated: truncated, toolCalls: calls, waves: waves)
                record.programSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                return Finished(record: record, reusable: !recycle && !worker.wasKilled)
            }
        }
        var finished = ended(calls: calls, waves: waves)
        finished.record.programSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        return finished
    }

    /// The wall-clock kill comes a little after the limit (10%, at most half a second), so that a
    /// program that spends its CPU budget is reported as a CPU timeout by the engine itself.
    static func killDelay(_ limits: SandboxLimits) -> Double {
        let wall = max(limits.wallSeconds, 0.001)
        return wall + min(0.5, wall * 0.1)
    }

    /// The worker's output ended before a result: killed at the deadline, or it died.
    private func ended(calls: [ToolCallRecord], waves: Int) -> Finished {
        let outcome: SandboxOutcome
        if Task.isCancelled {
            outcome = .workerFailure("the program was stopped: the run was interrupted")
        } else if worker.wasKilled {
            outcome = .timeout(.wall)
        } else {
            outcome = Self.crashOutcome(status: worker.status)
        }
        return Finished(record: SandboxRun(outcome: outcome, toolCalls: calls, waves: waves), reusable: false)
    }

    /// A worker that dies on its own while a program runs has almost always hit its memory limit
    /// inside the engine (an allocation it cannot turn into a catchable error aborts the process).
    static func crashOutcome(status: Int32?) -> SandboxOutcome {
        guard let status else { return .workerFailure("the sandbox worker stopped answering") }
        let signal = status & 0x7f
        if signal == SIGABRT || signal == SIGTRAP || signal == SIGKILL {
            return .outOfMemory
        }
        if signal != 0 {
            return .workerFailure(
                "the sandbox worker died from signal \(signal) (the engine usually crashes like this when it runs out of address space; raise memory_mb)")
        }
        return .workerFailure("the sandbox worker exited with status \((status >> 8) & 0xff)")
    }
}
