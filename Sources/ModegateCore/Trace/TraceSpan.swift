/// One span to export: the OTLP fields modegate writes, no more. Ids are lowercase hex (32 digits
/// for the trace, 16 for spans), times nanoseconds since the Unix epoch.
public struct TraceSpan: Sendable, Hashable {
    /// OTLP's `SpanKind`: the numbers are the protocol's.
    public enum Kind: Int, Sendable, Hashable {
        case `internal` = 1, server = 2, client = 3
    }

    /// OTLP's `Status`: unset for a span that went well, error with a message for one that did not.
    public struct Status: Sendable, Hashable {
        /// OTLP's `StatusCode`.
        public var code: Int
        public var message: String?

        public static let unset = Status(code: 0, message: nil)
        public static func error(_ message: String) -> Status { Status(code: 2, message: message) }
    }

    public var traceID: String
    public var spanID: String
    public var parentSpanID: String?
    public var name: String
    public var kind: Kind
    public var startNanos: UInt64
    public var endNanos: UInt64
    public var attributes: [TraceAttribute]
    public var status: Status

    public init(
        traceID: String, spanID: String, parentSpanID: String?, name: String, kind: Kind, startNanos: UInt64, endNanos: UInt64,
        attributes: [TraceAttribute], status: Status = .unset
    ) {
        self.traceID = traceID
        self.spanID = spanID
        self.parentSpanID = parentSpanID
        self.name = name
        self.kind = kind
        self.startNanos = startNanos
        self.endNanos = max(endNanos, startNanos)
        self.attributes = attributes
        self.status = status
    }
}
