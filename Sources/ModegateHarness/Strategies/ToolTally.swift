import ModegateCore
import Synchronization

/// Counts tool calls made concurrently (by a wave, or by a program's Promise.all).
final class ToolTally: Sendable {
    struct Totals: Sendable {
        var calls = 0
        var failures = 0
        var bytes = 0
        var seconds = 0.0
    }

    private let totals = Mutex(Totals())

    func add(reply: ToolReply, seconds: Double) {
        totals.withLock {
            $0.calls += 1
            $0.failures += reply.isError ? 1 : 0
            $0.bytes += reply.text.utf8.count
            $0.seconds += seconds
        }
    }

    var current: Totals { totals.withLock { $0 } }
}
