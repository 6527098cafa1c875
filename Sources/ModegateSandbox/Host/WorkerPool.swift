import Foundation

/// Warm workers, by memory limit. A worker that was killed, crashed or asked to be recycled is
/// never reused; a replacement is started in the background so the next program finds one warm.
actor WorkerPool {
    private let executable: String
    private let warmTarget: Int
    private var idle: [Int: [WorkerProcess]] = [:]

    init(executable: String, warmTarget: Int) {
        self.executable = executable
        self.warmTarget = warmTarget
    }

    /// A ready worker with this memory limit: an idle one, else a new one once it reports ready.
    func acquire(memoryMB: Int) async throws -> WorkerProcess {
        while var workers = idle[memoryMB], !workers.isEmpty {
            let worker = workers.removeLast()
            idle[memoryMB] = workers
            if worker.status == nil { return worker }
        }
        return try await Self.start(executable: executable, memoryMB: memoryMB)
    }

    func release(_ worker: WorkerProcess, reusable: Bool) {
        guard reusable, worker.status == nil else {
            worker.kill()
            replenish(memoryMB: worker.memoryMB)
            return
        }
        idle[worker.memoryMB, default: []].append(worker)
    }

    /// Starts workers until `count` are idle for this memory limit.
    func warm(memoryMB: Int, count: Int) async throws {
        while idle[memoryMB, default: []].count < count {
            idle[memoryMB, default: []].append(try await Self.start(executable: executable, memoryMB: memoryMB))
        }
    }

    func idleProcessIDs() -> [Int32] { idle.values.joined().map(\.pid).sorted() }

    func shutdown() {
        for worker in idle.values.joined() { worker.kill() }
        idle.removeAll()
    }

    private func replenish(memoryMB: Int) {
        guard idle[memoryMB, default: []].count < warmTarget else { return }
        Task { try? await self.warm(memoryMB: memoryMB, count: warmTarget) }
    }

    private static func start(executable: String, memoryMB: Int) async throws -> WorkerProcess {
        let worker = try WorkerProcess(executable: executable, memoryMB: memoryMB)
        guard case .ready? = await worker.inbox.next() else {
            worker.kill()
            // The common cause, a binary copied away from its engine, gets its own message.
            let engine = SandboxEngineLocation(executable: executable, environment: ProcessInfo.processInfo.environment)
            if engine.found == nil { throw WorkerProcess.SpawnError.engineMissing(engine.missingMessage) }
            throw WorkerProcess.SpawnError.notReady(executable)
        }
        return worker
    }
}
