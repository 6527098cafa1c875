import Foundation

/// Blocking work (waiting on a child process) on a thread of its own, off the Swift concurrency
/// pool that in-process servers answer on: the pool has only as many threads as cores.
public enum BackgroundThread {
    public static func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try body() }) }.start()
        }
    }
}
