import Synchronization

/// A wait with a deadline: runs a body, or gives up after some seconds on a clock, calling
/// `onExpiry` to unblock it (the body's own error is then replaced by `Expired`).
enum MCPDeadline {
    /// The deadline passed before the body finished.
    struct Expired: Error {}

    /// Runs `body`, or gives up after `seconds` on `clock`.
    static func run<T: Sendable>(
        _ seconds: Double, clock: any Clock<Duration> = ContinuousClock(), onExpiry: @escaping @Sendable () async -> Void,
        _ body: @escaping @Sendable () async throws -> T
    ) async throws -> T {
        let expired = ExpiryFlag()
        let watchdog = Task {
            try await clock.sleep(for: .seconds(seconds), tolerance: nil)
            expired.set()
            await onExpiry()
        }
        defer { watchdog.cancel() }
        do {
            return try await body()
        } catch {
            if expired.isSet { throw Expired() }
            throw error
        }
    }
}

/// Set by a deadline's watchdog when it fires, read by the call it guarded.
final class ExpiryFlag: Sendable {
    private let value = Mutex(false)
    func set() { value.withLock { $0 = true } }
    var isSet: Bool { value.withLock { $0 } }
}
