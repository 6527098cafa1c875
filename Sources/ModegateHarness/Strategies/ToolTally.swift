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

    /// A call as issued: its model turn and time, until its reply makes it a trace.
    private struct Issued {
        var turn: Int
        var at: Double
        var trace: ToolCallTrace?
    }

    /// The calls in issue order, and the model turn whose answer the calls now issued follow
    /// (0 before the first answer).
    private struct Calls {
        var issued: [Issued] = []
        var turn = 0
    }

    private let totals = Mutex(Totals())
    private let traces = Mutex(Calls())
    /// The trial's clock and its start: a call's `at`.
    private let clock: @Sendable () -> Double
    private let origin: Double

    init(clock: @escaping @Sendable () -> Double = BudgetGuard.systemUptime) {
        self.clock = clock
        origin = clock()
    }

    /// The model answered turn `number`: the calls that follow are its.
    func enterTurn(_ number: Int) { traces.withLock { $0.turn = number } }

    /// Notes a call as it is issued; its slot keeps the issue order however the replies interleave.
    func begin() -> Int {
        let at = clock() - origin
        return traces.withLock {
            $0.issued.append(Issued(turn: $0.turn, at: at))
            return $0.issued.count - 1
        }
    }

    /// The reply of the call `begin` gave `slot`.
    func add(slot: Int, name: String, arguments: JSONValue, reply: ToolReply, seconds: Double) {
        traces.withLock {
            let issued = $0.issued[slot]
            $0.issued[slot].trace = ToolCallTrace(
                name: name, arguments: arguments, isError: reply.isError, reply: reply.text, turn: issued.turn, at: issued.at)
        }
        add(reply: reply, seconds: seconds)
    }

    /// The calls that answered, in issue order.
    var calls: [ToolCallTrace] { traces.withLock { $0.issued.compactMap(\.trace) } }

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
