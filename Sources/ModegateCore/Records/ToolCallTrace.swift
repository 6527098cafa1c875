/// One tool call a trial made, as the harness's tool layer saw it: by the model directly
/// (`tool_call`) or from inside a program (`codemode`), in the order the calls were issued. The
/// transcript keeps these so `explain` and the HTML report can show where two arms' trajectories
/// part (a Code Mode program's own calls are otherwise nowhere on record), and which call failed.
public struct ToolCallTrace: Sendable, Codable, Hashable {
    /// Longest `arguments` and `error` text kept; longer ones are cut and end with "…".
    public static let maxText = 300

    /// The tool's name.
    public var name: String
    /// The arguments as compact JSON, cut at `maxText` bytes.
    public var arguments: String
    /// True when the tool answered with an error (an injected fault included).
    public var isError: Bool
    /// The error reply, cut at `maxText` bytes; nil for a call that succeeded.
    public var error: String?
    /// The gate MCP server that answered, for a call to a server's tool (an added server's or an
    /// MCP suite's); nil for the harness's own tools. Nil in transcripts written before it was.
    public var server: String?
    /// The model turn (1-based model request) whose answer led to the call.
    public var turn: Int?
    /// When the call was issued, in seconds since the trial began.
    public var at: Double?
    /// Bytes of the reply's text: what the call could pull into the model's context.
    public var resultBytes: Int?

    /// A call as made; `arguments` and `error` are cut to `maxText`.
    public init(name: String, arguments: JSONValue, isError: Bool, reply: String, turn: Int? = nil, at: Double? = nil) {
        self.name = name
        self.arguments = Self.cut(arguments.jsonText)
        self.isError = isError
        self.error = isError ? Self.cut(reply) : nil
        self.turn = turn
        self.at = at
        self.resultBytes = reply.utf8.count
    }

    /// `text` cut to `maxText` bytes between characters, ending with "…" when cut.
    public static func cut(_ text: String) -> String {
        guard text.utf8.count > maxText else { return text }
        // Cut between characters' scalars, never inside one's UTF-8 bytes.
        var kept = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars {
            bytes += UTF8.width(scalar)
            if bytes > maxText { break }
            kept.append(scalar)
        }
        return String(kept) + "…"
    }

    /// The call as one line: `search_shard({"shard":0})`, with ` → error: …` when it failed.
    public var summary: String {
        "\(name)(\(arguments))" + (error.map { " → error: \($0)" } ?? "")
    }

    enum CodingKeys: String, CodingKey {
        case name, arguments, error, server, turn, at
        case isError = "is_error"
        case resultBytes = "result_bytes"
    }
}
