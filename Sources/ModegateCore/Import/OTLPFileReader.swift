import Foundation

/// Reads OTLP JSON trace files as the OpenTelemetry Collector's file exporter writes them: one
/// `ExportTraceServiceRequest` object per line (`resourceSpans[].scopeSpans[].spans[]`), ids in
/// hex, 64-bit integers as decimal strings (numbers are taken too), enums as integers (or their
/// names). Every problem becomes a diagnostic at its file and line; a file with any is not used.
public enum OTLPFileReader {
    /// The spans of one file's text, or the diagnostics that reject it. `file` is the name
    /// messages use.
    public static func spans(in data: Data, file: String) -> (spans: [OTLPSpan], diagnostics: [Diagnostic]) {
        var spans: [OTLPSpan] = []
        var diagnostics: [Diagnostic] = []
        for range in JSONLines.ranges(in: data) {
            let text = String(decoding: data[(data.startIndex + range.bytes.lowerBound)..<(data.startIndex + range.bytes.upperBound)], as: UTF8.self)
            if text.allSatisfy(\.isWhitespace) { continue }
            let place = OTLPSpan.Place(file: file, line: range.number)
            do {
                let request = try JSONParser.parse(text)
                try read(request, at: place, into: &spans)
            } catch let problem as Problem {
                diagnostics.append(problem.diagnostic(at: place))
            } catch {
                diagnostics.append(Problem("not JSON (\(error)); each line must be one ExportTraceServiceRequest object, as the Collector's file exporter writes").diagnostic(at: place))
            }
        }
        return (spans, diagnostics)
    }

    /// What is wrong with one line; the line is added when it becomes a diagnostic.
    struct Problem: Error {
        let message: String
        init(_ message: String) { self.message = message }

        func diagnostic(at place: OTLPSpan.Place) -> Diagnostic {
            Diagnostic(file: place.file, line: place.line, column: 0, message: message)
        }
    }

    private static func read(_ request: JSONValue, at place: OTLPSpan.Place, into spans: inout [OTLPSpan]) throws {
        guard case .object = request else { throw Problem("expected an ExportTraceServiceRequest object with resourceSpans") }
        guard let resourceSpans = request["resourceSpans"]?.arrayValue else {
            let hint = request["resource_spans"] != nil ? " (found resource_spans: OTLP JSON uses lowerCamelCase keys)" : ""
            throw Problem("no resourceSpans array\(hint); is this an OTLP trace file? (metrics and logs files are not traces)")
        }
        for (index, resourceSpan) in resourceSpans.enumerated() {
            let resource = try attributes(resourceSpan["resource"]?["attributes"], at: "resourceSpans[\(index)].resource")
            for (scopeIndex, scope) in (resourceSpan["scopeSpans"]?.arrayValue ?? []).enumerated() {
                for (spanIndex, span) in (scope["spans"]?.arrayValue ?? []).enumerated() {
                    let path = "resourceSpans[\(index)].scopeSpans[\(scopeIndex)].spans[\(spanIndex)]"
                    spans.append(try self.span(span, resource: resource, path: path, place: place))
                }
            }
        }
    }

    private static func span(_ span: JSONValue, resource: [String: JSONValue], path: String, place: OTLPSpan.Place) throws -> OTLPSpan {
        let name = span["name"]?.stringValue ?? ""
        let label = name.isEmpty ? path : "span '\(name)' (\(path))"
        let traceID = try id(span["traceId"], bytes: 16, field: "traceId", of: label)
        let spanID = try id(span["spanId"], bytes: 8, field: "spanId", of: label)
        var parent: String?
        if let given = span["parentSpanId"], given.stringValue != "" {
            parent = try id(given, bytes: 8, field: "parentSpanId", of: label)
        }
        guard !name.isEmpty else { throw Problem("\(path) has no name; every span needs one") }
        let start = try nanos(span["startTimeUnixNano"], field: "startTimeUnixNano", of: label)
        let end = try nanos(span["endTimeUnixNano"], field: "endTimeUnixNano", of: label)
        guard end >= start else { throw Problem("\(label) ends (\(end)) before it starts (\(start))") }
        var code = OTLPSpan.StatusCode.unset
        if let value = span["status"]?["code"] {
            guard let parsed = statusCode(value) else {
                throw Problem("\(label) has status.code \(value.jsonText); expected 0, 1, 2 or STATUS_CODE_UNSET/OK/ERROR")
            }
            code = parsed
        }
        let message = span["status"]?["message"]?.stringValue.flatMap { $0.isEmpty ? nil : $0 }
        return OTLPSpan(
            traceID: traceID, spanID: spanID, parentSpanID: parent, name: name, startNanos: start, endNanos: end,
            status: code, statusMessage: message, attributes: try attributes(span["attributes"], at: label),
            resource: resource, place: place)
    }

    /// A trace or span id: `bytes` bytes as lowercase hex, not all zero (OTLP's invalid id).
    private static func id(_ value: JSONValue?, bytes: Int, field: String, of label: String) throws -> String {
        guard let text = value?.stringValue, !text.isEmpty else { throw Problem("\(label) has no \(field)") }
        let hex = text.lowercased()
        guard hex.utf8.count == bytes * 2, hex.utf8.allSatisfy({ (48...57).contains($0) || (97...102).contains($0) }) else {
            let base64 = text.utf8.count == ((bytes + 2) / 3) * 4 && Data(base64Encoded: text) != nil
            let hint = base64
                ? "; it looks like base64 (protobuf's JSON mapping): OTLP JSON writes ids as hex, as the Collector does"
                : ""
            throw Problem("\(label) has \(field) '\(text)', not \(bytes * 2) hex digits\(hint)")
        }
        guard hex.utf8.contains(where: { $0 != 48 }) else { throw Problem("\(label) has an all-zero \(field), which OTLP calls invalid") }
        return hex
    }

    private static func nanos(_ value: JSONValue?, field: String, of label: String) throws -> UInt64 {
        switch value {
        case .string(let text)?:
            if let number = UInt64(text) { return number }
        case .number(let number)? where number >= 0 && number < 1.8e19:
            return UInt64(number)
        default: break
        }
        throw Problem("\(label) has \(value.map { "\(field) \($0.jsonText)" } ?? "no \(field)"); expected nanoseconds since the epoch as a decimal string")
    }

    private static func statusCode(_ value: JSONValue) -> OTLPSpan.StatusCode? {
        if let number = value.intValue { return OTLPSpan.StatusCode(rawValue: number) }
        switch value.stringValue {
        case "STATUS_CODE_UNSET": return .unset
        case "STATUS_CODE_OK": return .ok
        case "STATUS_CODE_ERROR": return .error
        default: return nil
        }
    }

    /// `[{key, value: AnyValue}]` as a dictionary; a later duplicate key wins, as in the SDKs.
    static func attributes(_ list: JSONValue?, at label: String) throws -> [String: JSONValue] {
        guard let list else { return [:] }
        guard let items = list.arrayValue else { throw Problem("\(label) has attributes that are not a list of {key, value}") }
        var attributes: [String: JSONValue] = [:]
        attributes.reserveCapacity(items.count)
        for item in items {
            guard let key = item["key"]?.stringValue else { throw Problem("\(label) has an attribute without a key") }
            attributes[key] = try anyValue(item["value"], key: key, at: label)
        }
        return attributes
    }

    /// An OTLP `AnyValue` as JSON: the one field it sets; int64 from its decimal string.
    private static func anyValue(_ value: JSONValue?, key: String, at label: String) throws -> JSONValue {
        guard case .object(let fields)? = value, let (kind, inner) = fields.first(where: { $0.key != "@type" }) else {
            return .null
        }
        switch kind {
        case "stringValue", "bytesValue": return .string(inner.stringValue ?? inner.jsonText)
        case "boolValue": return .bool(inner.boolValue ?? false)
        case "intValue":
            if let text = inner.stringValue, let number = Int64(text) { return .number(Double(number)) }
            if case .number = inner { return inner }
        case "doubleValue":
            if case .number = inner { return inner }
            if let text = inner.stringValue, let number = Double(text) { return .number(number) }
        case "arrayValue":
            return .array(try (inner["values"]?.arrayValue ?? []).map { try anyValue($0, key: key, at: label) })
        case "kvlistValue":
            return .object(try attributes(inner["values"] ?? .array([]), at: label))
        default: break
        }
        throw Problem("\(label) has attribute \(key) with value \(JSONValue.object(fields).jsonText), not an OTLP AnyValue")
    }
}
