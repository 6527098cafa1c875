import Foundation
import ModegateCore

/// `provider: anthropic`: the Messages API. The system prompt goes in `system`; tool calls are
/// `tool_use` blocks of the assistant, results `tool_result` blocks of a user message (all the
/// results of one turn in one message, as the API requires).
enum AnthropicMessagesFormat: ProviderWireFormat {
    static let name = "anthropic_messages"
    static let keyHeader = "x-api-key"
    static let keyPrefix = ""
    static let headers = ["anthropic-version": "2023-06-01"]
    static let conversationKeys = ["model", "system", "messages", "tools"]

    static func body(_ request: ModelRequest, sampling: WireSampling) -> JSONValue {
        var system: [String] = []
        var messages: [JSONValue] = []
        var pendingResults: [JSONValue] = []
        func flushResults() {
            if !pendingResults.isEmpty { messages.append(["role": "user", "content": .array(pendingResults)]) }
            pendingResults = []
        }
        for message in request.messages {
            switch message.role {
            case .system:
                system.append(message.content)
            case .user:
                flushResults()
                messages.append(["role": "user", "content": .string(message.content)])
            case .assistant:
                flushResults()
                var blocks: [JSONValue] = []
                if !message.content.isEmpty { blocks.append(["type": "text", "text": .string(message.content)]) }
                for call in message.toolCalls {
                    blocks.append(["type": "tool_use", "id": .string(call.id), "name": .string(call.name), "input": call.arguments])
                }
                messages.append(["role": "assistant", "content": .array(blocks)])
            case .tool:
                pendingResults.append([
                    "type": "tool_result", "tool_use_id": .string(message.toolCallID ?? ""),
                    "content": .string(message.content), "is_error": .bool(message.isError),
                ])
            }
        }
        flushResults()
        var body: [String: JSONValue] = [
            "model": .string(sampling.model), "messages": .array(messages), "max_tokens": .number(Double(sampling.maxTokens)),
        ]
        // The Messages API takes 0…1; the gate allows OpenAI's 0…2.
        if let temperature = sampling.temperature { body["temperature"] = .number(min(temperature, 1)) }
        if !system.isEmpty { body["system"] = .string(system.joined(separator: "\n\n")) }
        if !request.tools.isEmpty {
            body["tools"] = .array(request.tools.map {
                ["name": .string($0.name), "description": .string($0.description), "input_schema": $0.inputSchema]
            })
        }
        return .object(body)
    }

    /// Text blocks joined, `tool_use` blocks as calls; anything malformed is a `ModelError`.
    static func response(from data: Data) throws -> ModelResponse {
        guard let root = try? JSONValue.parse(String(decoding: data, as: UTF8.self)) else {
            throw ModelError("the model server answered with something that is not JSON: \(String(decoding: data.prefix(200), as: UTF8.self))")
        }
        guard let blocks = root["content"]?.arrayValue else {
            throw ModelError("the model server's answer has no content blocks: \(root.jsonText.prefix(300))")
        }
        var text: [String] = []
        var calls: [ModelToolCall] = []
        for (index, block) in blocks.enumerated() {
            switch block["type"]?.stringValue {
            case "text": text.append(block["text"]?.stringValue ?? "")
            case "tool_use":
                guard let name = block["name"]?.stringValue, case .object? = block["input"] else {
                    throw ModelError("tool_use block \(index) has no name or its input is not a JSON object")
                }
                calls.append(ModelToolCall(id: block["id"]?.stringValue ?? "toolu_\(index)", name: name, arguments: block["input"]!))
            default: break
            }
        }
        let usage = root["usage"]
        let cached = usage?["cache_read_input_tokens"]?.intValue ?? 0
        let tokens = TokenUsage.reported(usage, prompt: "input_tokens", completion: "output_tokens").map {
            TokenUsage(prompt: $0.prompt + cached, completion: $0.completion, cached: cached, estimated: false)
        } ?? .unreported
        let stop: ModelResponse.StopReason = switch root["stop_reason"]?.stringValue {
        case "tool_use": .toolUse
        case "max_tokens": .maxTokens
        default: calls.isEmpty ? .endTurn : .toolUse
        }
        return ModelResponse(
            message: ChatMessage(role: .assistant, content: text.joined(separator: "\n"), toolCalls: calls),
            usage: tokens, stopReason: stop)
    }
}
