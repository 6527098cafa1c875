import Foundation
import ModegateCore

/// Runs Code Mode programs safely: guardrails on the parsed program first, then a pooled worker
/// process with CPU, wall-clock and memory limits, with tool calls answered by the host in waves.
public actor Sandbox {
    /// Where workers come from and how many are kept warm.
    public struct Configuration: Sendable {
        /// The binary that has the hidden `__sandbox-worker` command: modegate itself by default.
        public var workerExecutable: String
        /// Idle workers kept warm per memory limit.
        public var warmWorkers: Int

        /// Workers of `workerExecutable`, `warmWorkers` of them idle per memory limit.
        public init(workerExecutable: String = Configuration.currentExecutable, warmWorkers: Int = 2) {
            self.workerExecutable = workerExecutable
            self.warmWorkers = warmWorkers
        }

        /// This process's own binary, links resolved: modegate, which has the worker command.
        public static var currentExecutable: String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        }
    }

    private let pool: WorkerPool
    /// The modegate binary workers run (also what serves built-in suites over MCP).
    public nonisolated let executable: String

    /// A sandbox that starts workers on demand; `warm` starts them ahead.
    public init(configuration: Configuration = Configuration()) {
        executable = configuration.workerExecutable
        pool = WorkerPool(executable: configuration.workerExecutable, warmTarget: configuration.warmWorkers)
    }

    /// Starts workers ahead of the first program.
    public func warm(memoryMB: Int = SandboxLimits().memoryMB, count: Int = 1) async throws {
        try await pool.warm(memoryMB: memoryMB, count: count)
    }

    /// Stops every idle worker; call it before the process exits.
    public func shutdown() async { await pool.shutdown() }

    /// Process ids of the idle workers, for tests and benchmarks that watch them.
    public func idleWorkerIDs() async -> [Int32] { await pool.idleProcessIDs() }

    /// Runs one program on a pooled worker. Never throws: every failure is a typed outcome.
    public nonisolated func run(_ program: String, tools: any SandboxToolHandler, limits: SandboxLimits) async -> SandboxRun {
        if let reason = ProgramGuardrails(limits: limits).check(program) {
            return SandboxRun(outcome: .guardrailBlocked(reason: reason))
        }
        let lease: SandboxLease
        do {
            lease = try await self.lease(memoryMB: limits.memoryMB)
        } catch {
            return SandboxRun(outcome: .workerFailure("\(error)"))
        }
        let run = await lease.run(program, tools: tools, limits: limits)
        await lease.release()
        return run
    }

    /// Checks a warm worker out of the pool until `release()`: for work that runs several
    /// programs and wants its own tasks on the worker's host thread (see `SandboxLease`).
    public nonisolated func lease(memoryMB: Int) async throws -> SandboxLease {
        SandboxLease(pool: pool, worker: try await pool.acquire(memoryMB: memoryMB))
    }
}
