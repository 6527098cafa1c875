import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The host thread that serves one worker: it reads the worker's output *and* runs the Swift tasks
/// of the program's conversation (a task executor). A tool-call round trip then wakes one host
/// thread instead of handing each message from a reader thread to the concurrency pool, which
/// halves the context switches on the sequential-call path.
final class WorkerThread: TaskExecutor, Sendable {
    private struct State {
        var jobs: [UnownedJob] = []
        var finished = false
        var threadID: pthread_t?
        /// When to call `onDeadline` (uptime nanoseconds); enforced by this thread's own poll
        /// timeout, so a starved Swift concurrency pool cannot delay a wall-clock kill.
        var deadline: UInt64?

        var isOnThisThread: Bool { threadID.map { pthread_equal($0, pthread_self()) != 0 } ?? false }
    }

    private let state = Mutex(State())
    /// A pipe that wakes the thread from `poll` when another thread enqueues a job.
    private let wakeRead: Int32
    private let wakeWrite: Int32

    init() {
        var descriptors: [Int32] = [0, 0]
        _ = pipe(&descriptors)
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
        }
        wakeRead = descriptors[0]
        wakeWrite = descriptors[1]
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let unowned = UnownedJob(job)
        let queued: (done: Bool, onThisThread: Bool) = state.withLock { state in
            guard !state.finished else { return (false, false) }
            state.jobs.append(unowned)
            return (true, state.isOnThisThread)
        }
        guard queued.done else {
            // The worker is gone: its stragglers run on the global executor.
            globalConcurrentExecutor.enqueue(ExecutorJob(unowned))
            return
        }
        if !queued.onThisThread { wake() }
    }

    /// Arms (or with nil, disarms) the deadline.
    func setDeadline(_ uptimeNanoseconds: UInt64?) {
        let onThisThread = state.withLock { state in
            state.deadline = uptimeNanoseconds
            return state.isOnThisThread
        }
        if !onThisThread { wake() }
    }

    /// Under the lock `serve` closes the pipe under, and only while it is open: a late caller (a
    /// conversation disarming its deadline after the worker died) would otherwise write into
    /// whatever the process has opened since under the pipe's number, such as an HTTP connection.
    private func wake() {
        state.withLock { state in
            guard !state.finished else { return }
            var byte: UInt8 = 1
            _ = write(wakeWrite, &byte, 1)
        }
    }

    /// Milliseconds until the deadline for `poll`: -1 for none, 0 when it has passed.
    private func pollTimeout() -> (milliseconds: Int32, expired: Bool) {
        guard let deadline = state.withLock({ $0.deadline }) else { return (-1, false) }
        let now = DispatchTime.now().uptimeNanoseconds
        if now >= deadline { return (0, true) }
        return (Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max))), false)
    }

    /// Serves `input` until it closes: each readable chunk goes to `onData`, `onEnd` runs once at
    /// its end, `onDeadline` once when an armed deadline passes, and queued jobs run in between.
    /// Returns when the input ended and no job is left.
    func serve(input: Int32, onData: (UnsafeRawBufferPointer) -> Void, onEnd: () -> Void, onDeadline: () -> Void) {
        state.withLock { $0.threadID = pthread_self() }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var inputOpen = true
        while true {
            runQueuedJobs()
            guard inputOpen else { break }
            // After answering the worker, poll briefly before sleeping: its next message often
            // follows within microseconds, and catching it awake avoids a cross-CPU wake-up.
            Spin.untilReadable(input, or: wakeRead)
            let timeout = pollTimeout()
            if timeout.expired {
                setDeadline(nil)
                onDeadline()
            }
            var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: wakeRead, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, 2, timeout.expired ? -1 : timeout.milliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                break
            }
            if descriptors[1].revents != 0 {
                var drain = [UInt8](repeating: 0, count: 64)
                while read(wakeRead, &drain, drain.count) > 0 {}
            }
            if descriptors[0].revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
                if count > 0 {
                    buffer.withUnsafeBytes { onData(UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
                } else if count == 0 || (errno != EINTR && errno != EAGAIN) {
                    inputOpen = false
                    onEnd()
                }
            }
        }
        let leftovers = state.withLock { state in
            state.finished = true
            // Under the lock, with `finished` set: see `wake()`.
            close(wakeRead)
            close(wakeWrite)
            defer { state.jobs.removeAll() }
            return state.jobs
        }
        for job in leftovers { globalConcurrentExecutor.enqueue(ExecutorJob(job)) }
    }

    private func runQueuedJobs() {
        while true {
            let batch = state.withLock { state -> [UnownedJob] in
                guard !state.jobs.isEmpty else { return [] }
                defer { state.jobs.removeAll(keepingCapacity: true) }
                return state.jobs
            }
            guard !batch.isEmpty else { return }
            for job in batch { job.runSynchronously(on: asUnownedTaskExecutor()) }
        }
    }
}
