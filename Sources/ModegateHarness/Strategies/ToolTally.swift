import ModegateCore
import Synchronization

/// Counts tool calls made concurrently (by a wave, or by a program's Promise.all), and keeps each
/// call's trace in the order the calls were issued.
final class ToolTally: Sendable {
    struct Totals: Sendable {
        var calls = 0
        var failures = 0
        var bytes = 0
        var seconds = 0.0
    }

    private let totals = Mutex(Totals())
    private let traces = Mutex<[ToolCallTrace?]>([])

    /// Notes a call as it is issued; its slot keeps the issue order however the replies interleave.
    func begin() -> Int {
        traces.withLock {
            $0.append(nil)
            return $0.count - 1
        }
    }

    /// The reply of the call `begin` gave `slot`.
    func add(slot: Int, name: String, arguments: JSONValue, reply: ToolReply, seconds: Double) {
        let trace = ToolCallTrace(name: name, arguments: arguments, isError: reply.isError, reply: reply.text)
        traces.withLock { $0[slot] = trace }
        add(reply: reply, seconds: seconds)
    }

    /// The calls that answered, in issue order.
    var calls: [ToolCallTrace] { traces.withLock { $0.compactMap { $0 } } }

    private func add(reply: ToolReply, seconds: Double) {
        totals.withLock {
            $0.calls += 1
            $0.failures += reply.isError ? 1 : 0
            $0.bytes += reply.text.utf8.count
            $0.seconds += seconds
        }
    }

    var current: Totals { totals.withLock { $0 } }
}
