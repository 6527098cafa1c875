import Foundation

/// One span of an OTLP trace as `import otel` reads it: its ids, name, times, status, its own
/// attributes and its resource's, and where in which file it was written (for messages).
public struct OTLPSpan: Sendable, Hashable {
    /// A span's outcome (`status.code`): OTLP's `STATUS_CODE_UNSET`, `_OK` and `_ERROR`.
    public enum StatusCode: Int, Sendable, Hashable {
        case unset = 0, ok = 1, error = 2
    }

    /// Where a span was read: the file as the user named it and the 1-based line.
    public struct Place: Sendable, Hashable, CustomStringConvertible {
        public var file: String
        public var line: Int

        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }

        /// `FILE:LINE`, as diagnostics print it.
        public var description: String { "\(file):\(line)" }
    }

    /// 32 lowercase hex digits.
    public var traceID: String
    /// 16 lowercase hex digits.
    public var spanID: String
    /// The parent's span id; nil for a trace's root span.
    public var parentSpanID: String?
    public var name: String
    /// Nanoseconds since the Unix epoch.
    public var startNanos: UInt64
    public var endNanos: UInt64
    public var status: StatusCode
    /// `status.message`, when one was given.
    public var statusMessage: String?
    /// The span's attributes, values as JSON (int64 as numbers, kvlists as objects).
    public var attributes: [String: JSONValue]
    /// The attributes of the resource that emitted the span (`service.name`, …).
    public var resource: [String: JSONValue]
    public var place: Place

    public init(
        traceID: String, spanID: String, parentSpanID: String?, name: String, startNanos: UInt64, endNanos: UInt64,
        status: StatusCode = .unset, statusMessage: String? = nil, attributes: [String: JSONValue] = [:],
        resource: [String: JSONValue] = [:], place: Place
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.name = name
        self.startNanos = startNanos
        self.endNanos = endNanos
        self.status = status
        self.statusMessage = statusMessage
        self.attributes = attributes
        self.resource = resource
        self.place = place
    }

    /// The key that identifies the span across files: span ids are unique within a trace.
    public var key: SpanKey { SpanKey(traceID: traceID, spanID: spanID) }
    /// The parent's key, when the span has a parent.
    public var parentKey: SpanKey? { parentSpanID.map { SpanKey(traceID: traceID, spanID: $0) } }

    /// Seconds from start to end.
    public var seconds: Double { Double(endNanos &- startNanos) / 1e9 }
    /// When the span started.
    public var startDate: Date { Date(timeIntervalSince1970: Double(startNanos) / 1e9) }
    /// When it ended.
    public var endDate: Date { Date(timeIntervalSince1970: Double(endNanos) / 1e9) }

    /// The span failed: its status is `ERROR`, or it carries `error.type` (semantic conventions
    /// set one or both).
    public var failed: Bool { status == .error || attributes["error.type"] != nil }

    /// What went wrong, in words: the status message, else `error.type`.
    public var failure: String? {
        guard failed else { return nil }
        return statusMessage ?? attributes["error.type"].map(OTLPSpan.text) ?? "the span's status is ERROR"
    }

    /// `gen_ai.operation.name`, else the first word of the span name (`chat gpt-4.1` → `chat`),
    /// which is how the GenAI conventions name their spans.
    public var operation: String? {
        if let named = attributes["gen_ai.operation.name"]?.stringValue { return named }
        return name.split(separator: " ", maxSplits: 1).first.map(String.init)
    }

    /// `mcp.method.name`, set on the spans of MCP client calls.
    public var mcpMethod: String? { attributes["mcp.method.name"]?.stringValue }

    /// An attribute value as text: a string as it is, anything else as JSON.
    static func text(_ value: JSONValue) -> String {
        value.stringValue ?? value.jsonText
    }
}

/// A span's identity: its trace and its id within the trace.
public struct SpanKey: Sendable, Hashable, CustomStringConvertible {
    public var traceID: String
    public var spanID: String

    public init(traceID: String, spanID: String) {
        self.traceID = traceID
        self.spanID = spanID
    }

    public var description: String { "\(spanID) of trace \(traceID)" }
}
