import Foundation
import ModegateCore

/// One played trial as OpenTelemetry GenAI spans, one trace per trial: the trial is an
/// `invoke_agent` span; each model request a `chat` span under it; each tool call an
/// `execute_tool` span — under the trial for the model's own calls (and the `tool_call` arm's),
/// under its `run_code` span for a program's. Calls an MCP server answered are also MCP
/// `tools/call` spans (`mcp.method.name`, `mcp.server.name`), as the MCP conventions have it.
/// The trial's case, repetition, reward and completion ride on the `invoke_agent` span under
/// the `modegate.*` names `modegate import otel` reads, so an exported run imports back as the
/// same trials. OpenInference's names (`openinference.span.kind`, `llm.token_count.*`) are set
/// beside them, so Phoenix and its kin show agent, model and tool spans with their tokens.
///
/// Everything from the run (arguments, replies, answers, errors) passes the run's secret
/// redactor first, as transcripts do.
struct TrialSpanBuilder {
    var redactor: SecretRedactor = .none

    func spans(for played: PlayedTrial, ids: inout TraceIdentifiers<some RandomNumberGenerator>) -> [TraceSpan] {
        let record = played.record
        let transcript = played.transcript
        let traceID = ids.traceID()
        let rootID = ids.spanID()
        let events = played.events ?? TrialEvents(startedAt: TrialRunner.unixNanos(record.startedAt), chats: [], calls: [])
        func at(_ seconds: Double) -> UInt64 { events.startedAt &+ UInt64(max(0, seconds) * 1e9) }

        var spans: [TraceSpan] = [root(played, traceID: traceID, spanID: rootID)]
        let model = transcript.model
        for chat in events.chats {
            var attributes = [
                TraceAttribute("gen_ai.operation.name", .string("chat")),
                TraceAttribute("gen_ai.provider.name", .string(transcript.provider)),
                TraceAttribute("gen_ai.request.model", .string(model)),
                TraceAttribute("openinference.span.kind", .string("LLM")),
                TraceAttribute("llm.model_name", .string(model)),
                TraceAttribute("modegate.turn", .int(Int64(chat.turn))),
            ]
            if let usage = chat.usage {
                attributes += [
                    TraceAttribute("gen_ai.usage.input_tokens", .int(Int64(usage.prompt))),
                    TraceAttribute("gen_ai.usage.output_tokens", .int(Int64(usage.completion))),
                    TraceAttribute("llm.token_count.prompt", .int(Int64(usage.prompt))),
                    TraceAttribute("llm.token_count.completion", .int(Int64(usage.completion))),
                    TraceAttribute("llm.token_count.total", .int(Int64(usage.prompt + usage.completion))),
                ]
                if usage.cached > 0 { attributes.append(TraceAttribute("gen_ai.usage.cache_read.input_tokens", .int(Int64(usage.cached)))) }
                if usage.estimated { attributes.append(TraceAttribute("modegate.usage.estimated", .bool(true))) }
            }
            if let stop = chat.stopReason { attributes.append(TraceAttribute("gen_ai.response.finish_reasons", .strings([stop]))) }
            if let endpoint = transcript.exchanges.first(where: { $0.turn == chat.turn })?.endpoint.flatMap(URLComponents.init(string:)),
                let host = endpoint.host
            {
                attributes.append(TraceAttribute("server.address", .string(host)))
                if let port = endpoint.port { attributes.append(TraceAttribute("server.port", .int(Int64(port)))) }
            }
            var status = TraceSpan.Status.unset
            if let error = chat.error {
                attributes.append(TraceAttribute("error.type", .string("model_request")))
                status = .error(redactor.redact(error))
            }
            spans.append(TraceSpan(
                traceID: traceID, spanID: ids.spanID(), parentSpanID: rootID, name: "chat \(model)", kind: .client,
                startNanos: at(chat.start), endNanos: at(chat.end), attributes: attributes, status: status))
        }
        var callIDs: [String] = []
        for call in events.calls {
            let spanID = ids.spanID()
            callIDs.append(spanID)
            // A parent comes before its children: a program's calls are made while it runs.
            let parent = call.parent.map { callIDs[$0] } ?? rootID
            spans.append(toolSpan(call, traceID: traceID, spanID: spanID, parent: parent, start: at(call.start),
                                  end: at(call.end ?? (Double(TrialRunner.unixNanos(record.finishedAt) &- events.startedAt) / 1e9))))
        }
        return spans
    }

    private func root(_ played: PlayedTrial, traceID: String, spanID: String) -> TraceSpan {
        let record = played.record
        let transcript = played.transcript
        let agent = record.strategy.rawValue
        var attributes = [
            TraceAttribute("gen_ai.operation.name", .string("invoke_agent")),
            TraceAttribute("gen_ai.agent.name", .string(agent)),
            TraceAttribute("gen_ai.provider.name", .string(transcript.provider)),
            TraceAttribute("gen_ai.request.model", .string(transcript.model)),
            // No gen_ai.usage.* here: the chat spans carry the tokens, and receivers that sum a
            // trace's spans (Phoenix) would count them twice.
            TraceAttribute("openinference.span.kind", .string("AGENT")),
            TraceAttribute("session.id", .string(record.runID)),
            TraceAttribute("modegate.run.id", .string(record.runID)),
            TraceAttribute("modegate.arm", .string(transcript.arm.rawValue)),
            TraceAttribute("modegate.strategy", .string(agent)),
            TraceAttribute("modegate.preset", .string(record.preset)),
            TraceAttribute("modegate.case.id", .string(record.caseID)),
            TraceAttribute("modegate.repetition", .int(Int64(record.repetition))),
            TraceAttribute("modegate.reward", .double(record.reward)),
            TraceAttribute("modegate.completed", .bool(record.completed)),
            TraceAttribute("modegate.steps", .int(Int64(record.steps))),
            TraceAttribute("modegate.cost", .double(record.cost)),
        ]
        if let answer = record.finalAnswer {
            attributes.append(TraceAttribute("output.value", .string(redactor.redact(answer.jsonText))))
        }
        var status = TraceSpan.Status.unset
        if let error = record.error {
            attributes.append(TraceAttribute("error.type", .string(error.category.rawValue)))
            attributes.append(TraceAttribute("modegate.error.category", .string(error.category.rawValue)))
            status = .error(redactor.redact(error.message))
        }
        return TraceSpan(
            traceID: traceID, spanID: spanID, parentSpanID: nil, name: "invoke_agent \(agent)", kind: .internal,
            startNanos: TrialRunner.unixNanos(record.startedAt), endNanos: TrialRunner.unixNanos(record.finishedAt),
            attributes: attributes, status: status)
    }

    private func toolSpan(
        _ call: TrialEvents.Call, traceID: String, spanID: String, parent: String, start: UInt64, end: UInt64
    ) -> TraceSpan {
        let arguments = redactor.redact(call.arguments)
        var attributes = [
            TraceAttribute("gen_ai.operation.name", .string("execute_tool")),
            TraceAttribute("gen_ai.tool.name", .string(call.name)),
            TraceAttribute("gen_ai.tool.type", .string("function")),
            TraceAttribute("gen_ai.tool.call.arguments", .string(arguments)),
            TraceAttribute("openinference.span.kind", .string("TOOL")),
            TraceAttribute("tool.name", .string(call.name)),
            TraceAttribute("input.value", .string(arguments)),
        ]
        if let id = call.callID { attributes.append(TraceAttribute("gen_ai.tool.call.id", .string(id))) }
        if let server = call.server {
            attributes.append(TraceAttribute("mcp.method.name", .string("tools/call")))
            attributes.append(TraceAttribute("mcp.server.name", .string(server)))
        }
        var status = TraceSpan.Status.unset
        if let error = call.error {
            attributes.append(TraceAttribute("error.type", .string("tool_error")))
            status = .error(redactor.redact(error))
        } else if call.end == nil {
            attributes.append(TraceAttribute("error.type", .string("cancelled")))
            status = .error("the trial ended before the call answered")
        }
        return TraceSpan(
            traceID: traceID, spanID: spanID, parentSpanID: parent, name: "execute_tool \(call.name)", kind: .internal,
            startNanos: start, endNanos: end, attributes: attributes, status: status)
    }
}
