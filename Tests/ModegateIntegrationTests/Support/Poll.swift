import Foundation

/// Waits for a condition by polling it on a thread of its own: on the concurrency pool (two
/// threads here) a sleeping test can wake long after its deadline when the suite keeps the pool
/// busy, and a loop that checks the deadline before the condition then fails with the condition
/// already true. The condition is always checked once more after the deadline.
enum Poll {
    static func until(seconds: Double, every interval: Double = 0.02, _ condition: @escaping @Sendable () -> Bool) async throws -> Bool {
        try await TestPeers.offPool {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                if condition() { return true }
                Thread.sleep(forTimeInterval: interval)
            }
            return condition()
        }
    }
}
