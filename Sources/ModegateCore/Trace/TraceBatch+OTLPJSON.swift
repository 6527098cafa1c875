import Foundation

/// The batch as OTLP JSON, one line: what the OpenTelemetry Collector's file exporter writes and
/// what `modegate import otel` reads. OTLP's JSON mapping: lowerCamelCase keys, ids as hex,
/// 64-bit integers (times, `intValue`) as decimal strings, enums as numbers.
extension TraceBatch {
    public var otlpJSONLine: String {
        let spans: [JSONValue] = spans.map(Self.json)
        let request: JSONValue = [
            "resourceSpans": [
                [
                    "resource": ["attributes": .array(resource.map(Self.json))],
                    "scopeSpans": [
                        ["scope": ["name": .string(scopeName), "version": .string(scopeVersion)], "spans": .array(spans)]
                    ],
                ]
            ]
        ]
        return request.jsonText
    }

    private static func json(_ span: TraceSpan) -> JSONValue {
        var object: [String: JSONValue] = [
            "traceId": .string(span.traceID), "spanId": .string(span.spanID), "name": .string(span.name),
            "kind": .number(Double(span.kind.rawValue)),
            "startTimeUnixNano": .string(String(span.startNanos)), "endTimeUnixNano": .string(String(span.endNanos)),
            "attributes": .array(span.attributes.map(json)),
        ]
        if let parent = span.parentSpanID { object["parentSpanId"] = .string(parent) }
        var status: [String: JSONValue] = ["code": .number(Double(span.status.code))]
        if let message = span.status.message { status["message"] = .string(message) }
        object["status"] = .object(status)
        return .object(object)
    }

    private static func json(_ attribute: TraceAttribute) -> JSONValue {
        ["key": .string(attribute.key), "value": json(attribute.value)]
    }

    private static func json(_ value: TraceValue) -> JSONValue {
        switch value {
        case .string(let text): ["stringValue": .string(text)]
        case .bool(let flag): ["boolValue": .bool(flag)]
        case .int(let number): ["intValue": .string(String(number))]
        // JSON has no NaN or infinity; OTLP's mapping writes them as these strings.
        case .double(let number) where number.isNaN: ["doubleValue": "NaN"]
        case .double(let number) where number.isInfinite: ["doubleValue": .string(number > 0 ? "Infinity" : "-Infinity")]
        case .double(let number): ["doubleValue": .number(number)]
        case .strings(let texts): ["arrayValue": ["values": .array(texts.map { ["stringValue": .string($0)] })]]
        }
    }
}
