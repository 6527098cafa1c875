import Foundation
import ModegateCore

/// `provider: openai`: Chat Completions with `tools`/`tool_calls`, for OpenAI and any compatible
/// server (vLLM, llama.cpp, Ollama).
enum OpenAIChatFormat: ProviderWireFormat {
    static let name = "openai_chat"
    static let keyHeader = "Authorization"
    static let keyPrefix = "Bearer "
    static let headers: [String: String] = [:]
    static let conversationKeys = ["model", "messages", "tools", "tool_choice"]

    /// The request body. An assistant message with tool calls carries `content: ""`, not null:
    /// llama.cpp's server answers HTTP 500 to null there.
    static func body(_ request: ModelRequest, sampling: WireSampling) -> JSONValue {
        let messages: [JSONValue] = request.messages.map { message in
            switch message.role {
            case .system, .user: return ["role": .string(message.role.rawValue), "content": .string(message.content)]
            case .assistant:
                var object: [String: JSONValue] = ["role": "assistant", "content": .string(message.content)]
                if !message.toolCalls.isEmpty {
                    object["tool_calls"] = .array(message.toolCalls.map { call in
                        ["id": .string(call.id), "type": "function",
                         "function": ["name": .string(call.name), "arguments": .string(call.arguments.jsonText)]]
                    })
                }
                return .object(object)
            case .tool:
                return ["role": "tool", "tool_call_id": .string(message.toolCallID ?? ""), "content": .string(message.content)]
            }
        }
        var body: [String: JSONValue] = [
            "model": .string(sampling.model), "messages": .array(messages),
            sampling.maxTokensField: .number(Double(sampling.maxTokens)),
        ]
        if let temperature = sampling.temperature { body["temperature"] = .number(temperature) }
        if !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map { tool in
                ["type": "function",
                 "function": ["name": .string(tool.name), "description": .string(tool.description), "parameters": tool.inputSchema]]
            })
            body["tool_choice"] = "auto"
        }
        return .object(body)
    }

    /// OpenAI's newer models refuse `max_tokens` (they take `max_completion_tokens`) and any
    /// temperature but the default; the error names the parameter in `error.param`.
    static func adjusting(_ sampling: WireSampling, after refusal: Data) -> (WireSampling, note: String)? {
        guard let error = (try? JSONValue.parse(String(decoding: refusal, as: UTF8.self)))?["error"] else { return nil }
        let parameter = error["param"]?.stringValue
        let message = error["message"]?.stringValue ?? ""
        var adjusted = sampling
        if sampling.maxTokensField == "max_tokens", parameter == "max_tokens" || message.contains("max_completion_tokens") {
            adjusted.maxTokensField = "max_completion_tokens"
            return (adjusted, "the server refused max_tokens; sent max_completion_tokens instead")
        }
        if sampling.temperature != nil, parameter == "temperature" {
            adjusted.temperature = nil
            return (adjusted, "the server refused temperature \(String(format: "%g", sampling.temperature ?? 0)); sent the model's default")
        }
        return nil
    }

    /// The first choice as a message, with usage; anything malformed is a `ModelError`.
    static func response(from data: Data) throws -> ModelResponse {
        guard let root = try? JSONValue.parse(String(decoding: data, as: UTF8.self)) else {
            throw ModelError("the model server answered with something that is not JSON: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        guard let choice = root["choices"]?.arrayValue?.first, let message = choice["message"] else {
            throw ModelError("the model server's answer has no choices[0].message: \(root.jsonText.prefix(300))")
        }
        var calls: [ModelToolCall] = []
        for (index, call) in (message["tool_calls"]?.arrayValue ?? []).enumerated() {
            guard let name = call["function"]?["name"]?.stringValue else {
                throw ModelError("tool call \(index) has no function name")
            }
            let text = call["function"]?["arguments"]?.stringValue ?? "{}"
            guard let arguments = try? JSONValue.parse(text.isEmpty ? "{}" : text), case .object = arguments else {
                throw ModelError("the arguments of tool call \(index) (\(name)) are not a JSON object: \(text.prefix(200))")
            }
            calls.append(ModelToolCall(id: call["id"]?.stringValue ?? "call_\(index)", name: name, arguments: arguments))
        }
        let usage = root["usage"]
        let tokens = TokenUsage.reported(usage, prompt: "prompt_tokens", completion: "completion_tokens").map {
            TokenUsage(prompt: $0.prompt, completion: $0.completion,
                       cached: usage?["prompt_tokens_details"]?["cached_tokens"]?.intValue ?? 0, estimated: false)
        } ?? .unreported
        let stop: ModelResponse.StopReason = switch choice["finish_reason"]?.stringValue {
        case "tool_calls": .toolUse
        case "length": .maxTokens
        default: calls.isEmpty ? .endTurn : .toolUse
        }
        return ModelResponse(
            message: ChatMessage(role: .assistant, content: message["content"]?.stringValue ?? "", toolCalls: calls),
            usage: tokens, stopReason: stop)
    }
}
