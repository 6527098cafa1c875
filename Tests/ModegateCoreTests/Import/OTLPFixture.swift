import Foundation
@testable import ModegateCore

/// Hand-written OTLP JSON for the import tests: each span is a line of its own (as a
/// SimpleSpanProcessor exports), so tests can shuffle, split and break lines.
struct OTLPFixture {
    /// A span's fields; attributes are written as OTLP `AnyValue`s by their Swift type.
    struct Span {
        var trace = "0af7651916cd43dd8448eb211c80319c"
        var id: String
        var parent: String?
        var name: String
        var start: UInt64
        var end: UInt64
        var attributes: [(String, Any)] = []
        var error: String?
    }

    static let t0: UInt64 = 1_800_000_000_000_000_000

    /// `ms` milliseconds after t0, in nanoseconds.
    static func at(_ ms: UInt64) -> UInt64 { t0 + ms * 1_000_000 }

    static func value(_ value: Any) -> String {
        switch value {
        case let flag as Bool: return #"{"boolValue":\#(flag)}"#
        case let number as Int: return #"{"intValue":"\#(number)"}"#
        case let number as Double: return #"{"doubleValue":\#(number)}"#
        case let text as String: return #"{"stringValue":\#(quoted(text))}"#
        default: return "{}"
        }
    }

    static func quoted(_ text: String) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: [text]), as: UTF8.self).dropFirst().dropLast().description
    }

    static func attributes(_ list: [(String, Any)]) -> String {
        "[" + list.map { #"{"key":"\#($0.0)","value":\#(value($0.1))}"# }.joined(separator: ",") + "]"
    }

    /// One ExportTraceServiceRequest line holding `spans`, under a resource with `resource` attributes.
    static func line(_ spans: [Span], resource: [(String, Any)] = [("service.name", "agent")]) -> String {
        let body = spans.map { span in
            var fields = [
                #""traceId":"\#(span.trace)""#, #""spanId":"\#(span.id)""#, #""name":\#(quoted(span.name))"#,
                #""startTimeUnixNano":"\#(span.start)""#, #""endTimeUnixNano":"\#(span.end)""#,
                #""attributes":\#(attributes(span.attributes))"#,
            ]
            if let parent = span.parent { fields.append(#""parentSpanId":"\#(parent)""#) }
            if let error = span.error { fields.append(#""status":{"code":2,"message":\#(quoted(error))}"#) }
            return "{" + fields.joined(separator: ",") + "}"
        }
        return #"{"resourceSpans":[{"resource":{"attributes":\#(attributes(resource))},"scopeSpans":[{"scope":{"name":"t"},"spans":[\#(body.joined(separator: ","))]}]}]}"#
    }

    static func agent(_ id: String, case caseID: String?, repetition: Int? = nil, reward: Double? = 1, start: UInt64 = 0,
                      trace: String = "0af7651916cd43dd8448eb211c80319c", error: String? = nil) -> Span {
        var attributes: [(String, Any)] = [("gen_ai.operation.name", "invoke_agent"), ("gen_ai.agent.name", "helper")]
        if let caseID { attributes.append(("modegate.case.id", caseID)) }
        if let repetition { attributes.append(("modegate.repetition", repetition)) }
        if let reward { attributes.append(("modegate.reward", reward)) }
        return Span(trace: trace, id: id, name: "invoke_agent helper", start: at(start), end: at(start + 1000), attributes: attributes, error: error)
    }

    static func chat(_ id: String, parent: String, start: UInt64, tokens: (Int, Int)?, trace: String = "0af7651916cd43dd8448eb211c80319c") -> Span {
        var attributes: [(String, Any)] = [("gen_ai.operation.name", "chat"), ("gen_ai.request.model", "gpt-x"), ("gen_ai.provider.name", "openai")]
        if let tokens { attributes += [("gen_ai.usage.input_tokens", tokens.0), ("gen_ai.usage.output_tokens", tokens.1)] }
        return Span(trace: trace, id: id, parent: parent, name: "chat gpt-x", start: at(start), end: at(start + 100), attributes: attributes)
    }

    static func tool(_ id: String, parent: String, name: String, start: UInt64, server: String? = nil, result: String? = nil,
                     error: String? = nil, trace: String = "0af7651916cd43dd8448eb211c80319c") -> Span {
        var attributes: [(String, Any)] = [("gen_ai.operation.name", "execute_tool"), ("gen_ai.tool.name", name)]
        if let server { attributes += [("mcp.method.name", "tools/call"), ("mcp.server.name", server)] }
        if let result { attributes.append(("gen_ai.tool.call.result", result)) }
        return Span(trace: trace, id: id, parent: parent, name: "execute_tool \(name)", start: at(start), end: at(start + 10),
                    attributes: attributes, error: error)
    }

    /// The lines of `spans`, one each.
    static func file(_ spans: [Span]) -> Data { Data(spans.map { line([$0]) }.joined(separator: "\n").utf8 + [10]) }

    static func settings(_ arm: ArmRole = .baseline) -> OTelImportSettings { OTelImportSettings(arm: arm, stem: "t") }

    /// The run the files make, or the diagnostics' lines.
    static func importing(_ files: [(String, Data)], scores: (String, String)? = nil, settings: OTelImportSettings = settings())
        -> Result<ImportedRun, DiagnosticsError>
    {
        do {
            let run = try OTelImport(settings: settings).run(
                traces: files.map { OTelImport.Source(name: $0.0, data: $0.1) },
                scores: scores.map { OTelImport.Source(name: $0.0, data: Data($0.1.utf8)) }, toolVersion: "test", host: "h",
                at: Date(timeIntervalSince1970: 1_900_000_000))
            return .success(run)
        } catch let error as DiagnosticsError {
            return .failure(error)
        } catch {
            return .failure(DiagnosticsError([Diagnostic(file: "?", line: 0, column: 0, message: "\(error)")]))
        }
    }
}
