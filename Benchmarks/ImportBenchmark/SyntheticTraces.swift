import Foundation

/// OTLP JSON lines of synthetic agent invocations, as the Collector's file exporter writes
/// them: each invocation's spans ended (and so exported) children first, 64 spans a line.
enum SyntheticTraces {
    static let spansPerLine = 64

    /// The file's bytes and its span count.
    static func make(trials: Int) -> (Data, Int) {
        var spans: [String] = []
        spans.reserveCapacity(trials * 10)
        let t0: UInt64 = 1_800_000_000_000_000_000
        for trial in 0..<trials {
            let trace = String(format: "%016llx%016llx", UInt64(trial + 1), UInt64(0xabcdef))
            let agent = String(format: "%016llx", UInt64(trial * 100 + 1))
            let start = t0 + UInt64(trial) * 10_000_000_000
            var clock = start
            func next(_ ms: UInt64) -> UInt64 { clock += ms * 1_000_000; return clock }
            var children: [String] = []
            for step in 0..<3 {
                let chatStart = next(1)
                children.append(span(trace, id: trial * 100 + 10 + step, parent: agent, name: "chat gpt-4.1-mini", start: chatStart, end: next(200), attributes: [
                    ("gen_ai.operation.name", "s", "chat"), ("gen_ai.provider.name", "s", "openai"), ("gen_ai.request.model", "s", "gpt-4.1-mini"),
                    ("gen_ai.usage.input_tokens", "i", "\(500 + step * 300)"), ("gen_ai.usage.output_tokens", "i", "60"),
                ]))
                for call in 0..<2 {
                    let name = call == 0 ? "search" : "fetch"
                    let toolStart = next(1)
                    children.append(span(trace, id: trial * 100 + 20 + step * 2 + call, parent: agent, name: "execute_tool \(name)", start: toolStart, end: next(30), attributes: [
                        ("gen_ai.operation.name", "s", "execute_tool"), ("gen_ai.tool.name", "s", name),
                        ("gen_ai.tool.call.id", "s", "call-\(trial)-\(step)-\(call)"), ("mcp.method.name", "s", "tools/call"),
                        ("mcp.server.name", "s", call == 0 ? "search" : "docs"), ("mcp.session.id", "s", "session-\(trial)"),
                        ("gen_ai.tool.call.result", "s", #"{"items":["one","two","three"]}"#),
                    ]))
                }
            }
            spans += children
            spans.append(span(trace, id: trial * 100 + 1, parent: nil, name: "invoke_agent support-agent", start: start, end: next(5), attributes: [
                ("gen_ai.operation.name", "s", "invoke_agent"), ("gen_ai.agent.name", "s", "support-agent"),
                ("modegate.case.id", "s", "case-\(trial / 5)"), ("modegate.repetition", "i", "\(trial % 5)"),
                ("modegate.reward", "d", trial % 7 == 0 ? "0.5" : "1.0"),
            ]))
        }
        var text = ""
        for batch in stride(from: 0, to: spans.count, by: spansPerLine) {
            let body = spans[batch..<min(batch + spansPerLine, spans.count)].joined(separator: ",")
            text += #"{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"support-agent"}}]},"scopeSpans":[{"scope":{"name":"agent"},"spans":[\#(body)]}]}]}"# + "\n"
        }
        return (Data(text.utf8), spans.count)
    }

    /// One span; attributes as (key, kind s/i/d, value).
    static func span(_ trace: String, id: Int, parent: String?, name: String, start: UInt64, end: UInt64, attributes: [(String, String, String)]) -> String {
        let values = attributes.map { key, kind, value in
            let any = switch kind {
            case "i": #"{"intValue":"\#(value)"}"#
            case "d": #"{"doubleValue":\#(value)}"#
            default: #"{"stringValue":"\#(value.replacingOccurrences(of: "\"", with: "\\\""))"}"#
            }
            return #"{"key":"\#(key)","value":\#(any)}"#
        }
        let parentField = parent.map { #","parentSpanId":"\#($0)""# } ?? ""
        return #"{"traceId":"\#(trace)","spanId":"\#(String(format: "%016llx", UInt64(id)))"\#(parentField),"name":"\#(name)","kind":1,"startTimeUnixNano":"\#(start)","endTimeUnixNano":"\#(end)","attributes":[\#(values.joined(separator: ","))],"status":{}}"#
    }
}
