import Foundation
import ModegateCore
import Synchronization

/// One worker checked out of the pool for a while (a trial). Its host thread is also a task
/// executor: work that prefers it — the trial's strategy, model session and tools — runs on the
/// same thread that talks to the worker, so a tool-call round trip crosses no host threads.
public final class SandboxLease: ProgramRunner, Sendable {
    private let pool: WorkerPool
    private let memoryMB: Int
    /// The worker checked out now; nil after `release` or while a dead one is being replaced.
    private let worker: Mutex<WorkerProcess?>

    init(pool: WorkerPool, worker: WorkerProcess) {
        self.pool = pool
        self.memoryMB = worker.memoryMB
        self.worker = Mutex(worker)
    }

    /// The executor to run the lease holder's work on (the worker's host thread).
    public var executor: any TaskExecutor {
        worker.withLock { $0?.thread ?? globalConcurrentExecutor }
    }

    /// Runs `program` on the leased worker, replacing it first when it died or has another memory
    /// limit; the guardrails run before any worker is asked.
    public func run(_ program: String, tools: any SandboxToolHandler, limits: SandboxLimits) async -> SandboxRun {
        let started = DispatchTime.now().uptimeNanoseconds
        func elapsed() -> Double { Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9 }
        if let reason = ProgramGuardrails(limits: limits).check(program) {
            return SandboxRun(outcome: .guardrailBlocked(reason: reason), wallSeconds: elapsed())
        }
        let current: WorkerProcess
        do {
            current = try await checkedOutWorker(memoryMB: limits.memoryMB)
        } catch {
            return SandboxRun(outcome: .workerFailure("\(error)"), wallSeconds: elapsed())
        }
        var finished = await ProgramConversation(worker: current, tools: tools, limits: limits).run(program)
        finished.wallSeconds = elapsed()
        if !finished.reusable {
            // A killed or crashed worker is replaced for the next program of this lease.
            detach(current)
            await pool.release(current, reusable: false)
        }
        return finished.record
    }

    /// Returns the worker to the pool.
    public func release() async {
        if let worker = swapWorker(nil) { await pool.release(worker, reusable: worker.status == nil) }
    }

    private func checkedOutWorker(memoryMB: Int) async throws -> WorkerProcess {
        let current = currentWorker
        if let current, current.memoryMB == memoryMB, current.status == nil { return current }
        if let current {
            detach(current)
            await pool.release(current, reusable: current.status == nil)
        }
        let fresh = try await pool.acquire(memoryMB: memoryMB)
        _ = swapWorker(fresh)
        return fresh
    }

    private var currentWorker: WorkerProcess? { worker.withLock { $0 } }

    private func swapWorker(_ replacement: WorkerProcess?) -> WorkerProcess? {
        worker.withLock { worker in
            defer { worker = replacement }
            return worker
        }
    }

    private func detach(_ old: WorkerProcess) {
        worker.withLock { worker in
            if worker === old { worker = nil }
        }
    }
}
