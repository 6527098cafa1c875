import Foundation

/// The batch as a binary OTLP `ExportTraceServiceRequest` (`application/x-protobuf`), which every
/// OTLP/HTTP receiver takes (some, Phoenix among them, take nothing else). Field numbers are
/// opentelemetry-proto's (collector/trace/v1, trace/v1, common/v1, resource/v1).
extension TraceBatch {
    public var otlpProtobuf: Data {
        var request = ProtobufWriter()
        // ExportTraceServiceRequest.resource_spans = 1
        request.message(1, always: true) { resourceSpans in
            // ResourceSpans.resource = 1 → Resource.attributes = 1
            resourceSpans.message(1) { resource in
                for attribute in self.resource { resource.message(1) { Self.write(attribute, into: &$0) } }
            }
            // ResourceSpans.scope_spans = 2
            resourceSpans.message(2, always: true) { scopeSpans in
                // ScopeSpans.scope = 1 → InstrumentationScope.name = 1, version = 2
                scopeSpans.message(1) { scope in
                    scope.string(1, self.scopeName)
                    scope.string(2, self.scopeVersion)
                }
                // ScopeSpans.spans = 2
                for span in self.spans { scopeSpans.message(2, always: true) { Self.write(span, into: &$0) } }
            }
        }
        return Data(request.bytes)
    }

    private static func write(_ span: TraceSpan, into writer: inout ProtobufWriter) {
        writer.data(1, hexBytes(span.traceID))  // trace_id
        writer.data(2, hexBytes(span.spanID))  // span_id
        if let parent = span.parentSpanID { writer.data(4, hexBytes(parent)) }  // parent_span_id
        writer.string(5, span.name)  // name
        writer.uint(6, UInt64(span.kind.rawValue))  // kind
        writer.fixed64(7, span.startNanos)  // start_time_unix_nano
        writer.fixed64(8, span.endNanos)  // end_time_unix_nano
        for attribute in span.attributes { writer.message(9) { write(attribute, into: &$0) } }  // attributes
        writer.message(15) { status in  // status: message = 2, code = 3
            status.string(2, span.status.message ?? "")
            status.uint(3, UInt64(span.status.code))
        }
    }

    /// KeyValue: key = 1, value = 2 (AnyValue).
    private static func write(_ attribute: TraceAttribute, into writer: inout ProtobufWriter) {
        writer.string(1, attribute.key)
        writer.message(2, always: true) { write(attribute.value, into: &$0) }
    }

    /// AnyValue, a oneof: string_value = 1, bool_value = 2, int_value = 3, double_value = 4,
    /// array_value = 5 (ArrayValue.values = 1).
    private static func write(_ value: TraceValue, into writer: inout ProtobufWriter) {
        switch value {
        case .string(let text): writer.string(1, text, always: true)
        case .bool(let flag): writer.bool(2, flag, always: true)
        case .int(let number): writer.int(3, number, always: true)
        case .double(let number): writer.double(4, number, always: true)
        case .strings(let texts):
            writer.message(5, always: true) { array in
                for text in texts { array.message(1, always: true) { $0.string(1, text, always: true) } }
            }
        }
    }

    /// Hex digits as the bytes they spell (ids are made as hex, so every pair is valid).
    private static func hexBytes(_ hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var high: UInt8?
        for unit in hex.utf8 {
            let nibble: UInt8 = switch unit {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): unit - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): unit - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): unit - UInt8(ascii: "A") + 10
            default: 0
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }
}
