import ModegateCore

/// A trial's conversation with the model, read out of its transcript whatever the wire format:
/// the messages of the last request and the answer to it, each cut to a readable length. The
/// page shows this instead of the raw exchanges, whose every request repeats the whole
/// conversation so far (a ten-turn trial would embed it ten times).
public struct Conversation: Sendable, Hashable {
    /// One message: who spoke, what they said, and the tool calls they asked for.
    public struct Message: Sendable, Hashable {
        /// `system`, `user`, `assistant`, `tool`, or the wire's own word.
        public var role: String
        /// The text, cut to the conversation's text limit.
        public var text: String
        /// Tool calls the message asks for, as `name({"arg":1})`.
        public var toolCalls: [String]
        /// A tool result that reported an error.
        public var isError: Bool

        /// A message as given.
        public init(role: String, text: String, toolCalls: [String] = [], isError: Bool = false) {
            self.role = role
            self.text = text
            self.toolCalls = toolCalls
            self.isError = isError
        }
    }

    /// Longest message text kept; the rest is cut and says how much was left out.
    public static let textLimit = 1_500
    /// Most messages kept: the first and the last halves, the middle counted.
    public static let messageLimit = 40

    /// The messages, in order.
    public var messages: [Message]
    /// Messages left out of the middle of a long conversation.
    public var omittedMessages: Int
    /// Model requests the trial made.
    public var requests: Int
    /// Requests that got no usable answer, as `request N: error`.
    public var failedRequests: [String]
    /// The transcript's provider and model, e.g. `scripted`, `scripted-policy`.
    public var provider: String
    public var model: String

    /// The conversation of a transcript.
    public init(_ transcript: TrialTranscript) {
        provider = transcript.provider
        model = transcript.model
        requests = transcript.exchanges.count
        failedRequests = transcript.exchanges.enumerated().compactMap { index, exchange in
            exchange.error.map { "request \(index + 1): \($0)" }
        }
        var messages: [Message] = []
        if let last = transcript.exchanges.last {
            messages = Self.requestMessages(last.request)
            if let response = last.response { messages += Self.responseMessages(response) }
            if let text = last.responseText { messages.append(Message(role: "answer", text: text, isError: true)) }
        }
        messages = messages.map { message in
            var cut = message
            cut.text = Self.cut(message.text)
            return cut
        }
        if messages.count > Self.messageLimit {
            let half = Self.messageLimit / 2
            omittedMessages = messages.count - Self.messageLimit
            messages = Array(messages.prefix(half)) + Array(messages.suffix(half))
        } else {
            omittedMessages = 0
        }
        self.messages = messages
    }

    /// `text` cut at `textLimit` characters, saying how many were left out.
    static func cut(_ text: String) -> String {
        guard text.count > textLimit else { return text }
        return String(text.prefix(textLimit)) + "… (\(text.count - textLimit) more characters)"
    }
}
