import ModegateProviders

/// A trial's timeline as it ended (`TrialTimeline.events`): its model requests and tool calls
/// with their times, in seconds from `startedAt` (nanoseconds since the Unix epoch).
struct TrialEvents: Sendable {
    struct Chat: Sendable {
        /// 1-based model request of the trial.
        var turn: Int
        var start: Double
        var end: Double
        /// Nil when the request got no answer.
        var usage: TokenUsage?
        var stopReason: String?
        var error: String?
    }

    struct Call: Sendable {
        var name: String
        /// Compact JSON, cut as transcripts cut it.
        var arguments: String
        /// The model's id for its own calls.
        var callID: String?
        var start: Double
        /// Nil for a call cut short by the trial's end.
        var end: Double?
        /// The error reply, cut; nil for a call that succeeded.
        var error: String?
        /// The MCP server that answered.
        var server: String?
        /// The model's call whose program made this one; nil for a call of the model's own, or
        /// of the harness's tool layer outside a program (the `tool_call` arm's calls).
        var parent: Int?
        /// The model made this call itself (Code Mode's `run_code`, `search_tools`, `tool_info`,
        /// an external server's tools) rather than the harness's tool layer.
        var fromModel = false

        init(name: String, arguments: String, callID: String?, start: Double, parent: Int?) {
            self.name = name
            self.arguments = arguments
            self.callID = callID
            self.start = start
            self.parent = parent
        }
    }

    var startedAt: UInt64
    var chats: [Chat]
    var calls: [Call]
}
