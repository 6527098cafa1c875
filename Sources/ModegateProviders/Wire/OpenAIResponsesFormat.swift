import Foundation
import ModegateCore

/// `provider: openai_responses`: OpenAI's Responses API (`POST …/responses`). Stateless on
/// purpose: no `previous_response_id` and `store: false`, so every request carries the whole
/// conversation and transcripts replay. The system prompt goes in `instructions`; each user or
/// assistant turn is a `message` item, the assistant's tool calls `function_call` items and the
/// tools' answers `function_call_output` items, in the conversation's order.
enum OpenAIResponsesFormat: ProviderWireFormat {
    static let name = "openai_responses"
    static let keyHeader = "Authorization"
    static let keyPrefix = "Bearer "
    static let headers: [String: String] = [:]
    static let conversationKeys = ["model", "instructions", "input", "tools", "tool_choice"]

    /// The request body. Tools are sent with `strict: false`: the Responses API makes function
    /// tools strict unless told otherwise, and strict mode refuses schemas with optional
    /// properties, which most tools have.
    static func body(_ request: ModelRequest, sampling: WireSampling) -> JSONValue {
        var instructions: [String] = []
        var input: [JSONValue] = []
        for message in request.messages {
            switch message.role {
            case .system:
                instructions.append(message.content)
            case .user:
                input.append(["type": "message", "role": "user", "content": .string(message.content)])
            case .assistant:
                if !message.content.isEmpty || message.toolCalls.isEmpty {
                    input.append(["type": "message", "role": "assistant", "content": .string(message.content)])
                }
                for call in message.toolCalls {
                    input.append(["type": "function_call", "call_id": .string(call.id), "name": .string(call.name),
                                  "arguments": .string(call.arguments.jsonText)])
                }
            case .tool:
                input.append(["type": "function_call_output", "call_id": .string(message.toolCallID ?? ""),
                              "output": .string(message.content)])
            }
        }
        var body: [String: JSONValue] = [
            "model": .string(sampling.model), "input": .array(input), "store": .bool(false),
            "max_output_tokens": .number(Double(sampling.maxTokens)),
        ]
        if !instructions.isEmpty { body["instructions"] = .string(instructions.joined(separator: "\n\n")) }
        if let temperature = sampling.temperature { body["temperature"] = .number(temperature) }
        if !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map { tool in
                ["type": "function", "name": .string(tool.name), "description": .string(tool.description),
                 "parameters": tool.inputSchema, "strict": .bool(false)]
            })
            body["tool_choice"] = "auto"
        }
        return .object(body)
    }

    /// Reasoning models refuse any temperature (`error.param` is `temperature`): send the
    /// model's default from then on.
    static func adjusting(_ sampling: WireSampling, after refusal: Data) -> (WireSampling, note: String)? {
        guard let error = (try? JSONValue.parse(String(decoding: refusal, as: UTF8.self)))?["error"],
              sampling.temperature != nil, error["param"]?.stringValue == "temperature" else { return nil }
        var adjusted = sampling
        adjusted.temperature = nil
        return (adjusted, "the server refused temperature \(String(format: "%g", sampling.temperature ?? 0)); sent the model's default")
    }

    /// `output_text` parts of the `message` items joined, `function_call` items as calls, with
    /// usage. A `failed` response, an `error` object, an `incomplete` one for any reason but
    /// the output limit, or anything malformed is a `ModelError`.
    static func response(from data: Data) throws -> ModelResponse {
        guard let root = try? JSONValue.parse(String(decoding: data, as: UTF8.self)), case .object = root else {
            throw ModelError("the model server answered with something that is not JSON: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        let status = root["status"]?.stringValue
        if let error = root["error"], error != .null {
            let what = error["message"]?.stringValue ?? error.jsonText
            throw ModelError("the response \(status ?? "failed") with an error (\(error["code"]?.stringValue ?? "no code")): \(what.prefix(300))")
        }
        let reason = root["incomplete_details"]?["reason"]?.stringValue
        if status == "incomplete", reason != "max_output_tokens" {
            throw ModelError("the response is incomplete (\(reason ?? "no reason given")): \(root.jsonText.prefix(300))")
        }
        if let status, status != "completed", status != "incomplete" {
            throw ModelError("the response has status '\(status)', not completed: \(root.jsonText.prefix(300))")
        }
        guard let output = root["output"]?.arrayValue else {
            throw ModelError("the model server's answer has no output items: \(root.jsonText.prefix(300))")
        }
        var text: [String] = []
        var calls: [ModelToolCall] = []
        for (index, item) in output.enumerated() {
            switch item["type"]?.stringValue {
            case "message":
                for part in item["content"]?.arrayValue ?? [] {
                    switch part["type"]?.stringValue {
                    case "output_text": text.append(part["text"]?.stringValue ?? "")
                    case "refusal": text.append(part["refusal"]?.stringValue ?? "")
                    default: break
                    }
                }
            case "function_call":
                calls.append(try call(item, index: calls.count, at: index))
            default: break  // reasoning and hosted-tool items say nothing the harness uses
            }
        }
        let usage = root["usage"]
        let tokens = TokenUsage.reported(usage, prompt: "input_tokens", completion: "output_tokens").map {
            TokenUsage(prompt: $0.prompt, completion: $0.completion,
                       cached: usage?["input_tokens_details"]?["cached_tokens"]?.intValue ?? 0, estimated: false)
        } ?? .unreported
        let stop: ModelResponse.StopReason = status == "incomplete" ? .maxTokens : calls.isEmpty ? .endTurn : .toolUse
        return ModelResponse(
            message: ChatMessage(role: .assistant, content: text.joined(separator: "\n"), toolCalls: calls),
            usage: tokens, stopReason: stop)
    }

    /// One `function_call` item; its `arguments` must be a JSON object written as a string.
    private static func call(_ item: JSONValue, index: Int, at position: Int) throws -> ModelToolCall {
        guard let name = item["name"]?.stringValue else {
            throw ModelError("function_call item \(position) has no name")
        }
        let text = item["arguments"]?.stringValue ?? "{}"
        guard let arguments = try? JSONValue.parse(text.isEmpty ? "{}" : text), case .object = arguments else {
            throw ModelError("the arguments of tool call \(index) (\(name)) are not a JSON object: \(text.prefix(200))")
        }
        let id = item["call_id"]?.stringValue ?? item["id"]?.stringValue ?? "call_\(index)"
        return ModelToolCall(id: id, name: name, arguments: arguments)
    }
}
