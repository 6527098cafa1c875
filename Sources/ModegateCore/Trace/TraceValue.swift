/// An attribute's value as OTLP carries it: a string, a whole number, a double, a flag, or a list
/// of strings (`gen_ai.response.finish_reasons`).
public enum TraceValue: Sendable, Hashable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case strings([String])
}

/// One attribute of a span or a resource, kept in the order it was set.
public struct TraceAttribute: Sendable, Hashable {
    public var key: String
    public var value: TraceValue

    public init(_ key: String, _ value: TraceValue) {
        self.key = key
        self.value = value
    }
}
