import Foundation
import ModegateCore
import Synchronization

/// SIGINT (Ctrl-C) and SIGTERM (how CI runners cancel a job) for the commands that run trials.
///
/// The handler only writes the signal's number to a pipe; a thread of its own reads it, so a
/// signal is acted on at once whatever the concurrency pool and Dispatch are busy with. The
/// first signal cancels the work: in-flight model requests, tool calls and programs stop at
/// once, finished trials are already on disk, MCP servers and sandbox workers are stopped, and
/// the command exits 4. If that takes longer than `grace`, or a second signal comes, every child
/// process group is killed and the process exits 4 at once.
final class SignalWatch: Sendable {
    static let shared = SignalWatch()

    /// Keeps the whole exit under 2 s after the first signal. `MODEGATE_SIGNAL_GRACE_SECONDS`
    /// gives work more time to stop (a loaded machine; the test of a second signal, which must
    /// come before the grace runs out).
    static let grace = ProcessInfo.processInfo.environment["MODEGATE_SIGNAL_GRACE_SECONDS"]
        .flatMap(Double.init).map { min(max($0, 0.1), 600) } ?? 1.7

    private struct State {
        var cancel: (@Sendable () -> Void)?
        /// What the first signal stops, as the user is told.
        var stopping = ""
        var signals = 0
        /// Said on a forced exit: how to finish the run.
        var exitNote: String?
    }

    private let state = Mutex(State())

    private init() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        // A flood of signals must never block the handler.
        _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
        signalPipe = ends[1]
        // A child that dies (a worker killed on cancellation, a crashed MCP server) must make
        // writes to it fail with EPIPE, not end modegate.
        signal(SIGPIPE, SIG_IGN)
        signal(SIGINT, forwardSignal)
        signal(SIGTERM, forwardSignal)
        let reader = Thread { [self, input = ends[0]] in
            var number: UInt8 = 0
            while true {
                let count = read(input, &number, 1)
                if count == 1 { received(Int32(number)) } else if count < 0 && errno != EINTR { return }
            }
        }
        reader.name = "modegate-signals"
        reader.start()
    }

    /// Runs `work` in a task that the first signal cancels; `stopping` says what that stops.
    func cancellingOnSignal<T: Sendable>(
        stopping: String = "stopping the trials in flight; finished trials are kept…",
        _ work: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let task = Task { try await work() }
        state.withLock {
            $0.cancel = { task.cancel() }
            $0.stopping = stopping
        }
        defer { state.withLock { $0.cancel = nil } }
        return try await task.value
    }

    /// What a forced exit tells the user, e.g. the `--resume` command.
    func setExitNote(_ note: String) { state.withLock { $0.exitNote = note } }

    private func received(_ number: Int32) {
        let name = number == SIGTERM ? "SIGTERM" : "SIGINT"
        let (count, cancel, stopping) = state.withLock { state -> (Int, (@Sendable () -> Void)?, String) in
            state.signals += 1
            return (state.signals, state.cancel, state.stopping)
        }
        guard count == 1, let cancel else {
            exitNow(count == 1 ? "\(name)" : "\(name) again")
        }
        Console.error("\nmodegate: \(name): \(stopping)")
        cancel()
        let deadline = Thread { [self] in
            Thread.sleep(forTimeInterval: Self.grace)
            exitNow("the work did not stop within \(Self.grace) s of \(name)")
        }
        deadline.start()
    }

    private func exitNow(_ reason: String) -> Never {
        ChildProcessGroups.killAll()
        let note = state.withLock { $0.exitNote }
        Console.error("modegate: \(reason): exiting now" + (note.map { "; \($0)" } ?? ""))
        _exit(ExitStatus.runError.rawValue)
    }
}

/// The write end of the signal pipe, set once before the handler is installed.
nonisolated(unsafe) private var signalPipe: Int32 = -1

/// Async-signal-safe: one write(2).
private func forwardSignal(_ number: Int32) {
    var byte = UInt8(truncatingIfNeeded: number)
    _ = write(signalPipe, &byte, 1)
}
