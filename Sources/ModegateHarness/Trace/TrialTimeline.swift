import ModegateCore
import ModegateProviders
import Synchronization

/// When each model request and tool call of one trial began and ended, and which program a
/// tool call was made from: what `--trace` turns into spans. Fed by the model loop, the counted
/// tool session and the Code Mode strategy as the trial plays; times are seconds on the trial's
/// own monotonic clock from its start.
final class TrialTimeline: Sendable {
    private struct State {
        var chats: [TrialEvents.Chat] = []
        var calls: [TrialEvents.Call] = []
        /// The model's `run_code` call whose program is running: the parent of the calls it makes.
        var program: Int?
    }

    private let state = Mutex(State())
    private let clock: @Sendable () -> Double
    private let origin: Double

    init(clock: @escaping @Sendable () -> Double = BudgetGuard.systemUptime) {
        self.clock = clock
        origin = clock()
    }

    /// Seconds since the trial began.
    var now: Double { clock() - origin }

    /// A model request that began at `start` (from `now`) and has just ended.
    func chat(turn: Int, start: Double, usage: TokenUsage?, stop: String?, error: String?) {
        let end = now
        state.withLock {
            $0.chats.append(TrialEvents.Chat(turn: turn, start: start, end: end, usage: usage, stopReason: stop, error: error))
        }
    }

    /// A tool call begins: the model's own (`fromModel`) or one made for it by the harness's tool
    /// layer, which is a program's when a program is running. Returns the call's slot for `end`.
    func begin(_ name: String, arguments: JSONValue, callID: String? = nil, fromModel: Bool = false) -> Int {
        let start = now
        return state.withLock {
            var call = TrialEvents.Call(
                name: name, arguments: ToolCallTrace.cut(arguments.jsonText), callID: callID, start: start,
                parent: fromModel ? nil : $0.program)
            call.fromModel = fromModel
            $0.calls.append(call)
            return $0.calls.count - 1
        }
    }

    /// The call in `slot` ended; `server` is the MCP server that answered, when one did.
    func end(_ slot: Int, isError: Bool, reply: String, server: String? = nil) {
        let end = now
        state.withLock {
            $0.calls[slot].end = end
            $0.calls[slot].error = isError ? ToolCallTrace.cut(reply) : nil
            if let server { $0.calls[slot].server = server }
        }
    }

    /// The program of the model's call in `slot` runs until `leaveProgram`.
    func enterProgram(_ slot: Int) { state.withLock { $0.program = slot } }

    func leaveProgram() { state.withLock { $0.program = nil } }

    /// What happened, with each call the harness's tool layer answered given the MCP server
    /// `server(name)` names (the model's own calls keep what `end` gave them).
    func events(startedAt: UInt64, server: (String) -> String?) -> TrialEvents {
        state.withLock { state in
            var calls = state.calls
            for index in calls.indices where calls[index].server == nil && !calls[index].fromModel {
                calls[index].server = server(calls[index].name)
            }
            return TrialEvents(startedAt: startedAt, chats: state.chats, calls: calls)
        }
    }
}
