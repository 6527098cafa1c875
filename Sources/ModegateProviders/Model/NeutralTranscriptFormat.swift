import Foundation
import ModegateCore

/// The transcript format of models with no wire of their own (the scripted model): the request
/// as the harness holds it (model, messages, tools) and the answer as message, usage and stop
/// reason, so a scripted run can be replayed like any other.
public enum NeutralTranscriptFormat: TranscriptCodec {
    /// The format's name in transcripts.
    public static let name = "modegate"
    static let conversationKeys = ["model", "messages", "tools"]

    static func body(_ request: ModelRequest, sampling: WireSampling) -> JSONValue {
        [
            "model": .string(sampling.model),
            "messages": .array(request.messages.map(json)),
            "tools": .array(request.tools.map { ["name": .string($0.name), "description": .string($0.description), "input_schema": $0.inputSchema] }),
        ]
    }

    /// A request of a model with no wire, as its transcript writes it.
    public static func body(_ request: ModelRequest, model: String) -> JSONValue {
        body(request, sampling: WireSampling(model: model, temperature: nil, maxTokens: 0))
    }

    /// An answer of a model with no wire, as its transcript writes it.
    public static func answer(_ response: ModelResponse) -> JSONValue {
        [
            "message": json(response.message),
            "usage": [
                "prompt": .number(Double(response.usage.prompt)), "completion": .number(Double(response.usage.completion)),
                "cached": .number(Double(response.usage.cached)), "estimated": .bool(response.usage.estimated),
            ],
            "stop_reason": .string(response.stopReason.rawValue),
        ]
    }

    static func response(from data: Data) throws -> ModelResponse {
        struct Answer: Decodable {
            var message: ChatMessage
            var usage: TokenUsage
            var stopReason: ModelResponse.StopReason
            enum CodingKeys: String, CodingKey { case message, usage, stopReason = "stop_reason" }
        }
        do {
            let answer = try JSONDecoder().decode(Answer.self, from: data)
            return ModelResponse(message: answer.message, usage: answer.usage, stopReason: answer.stopReason)
        } catch {
            throw ModelError("a recorded answer is not a modegate transcript answer: \(error)")
        }
    }

    /// Every key `ChatMessage` decodes, always written, so the message reads back as it was.
    private static func json(_ message: ChatMessage) -> JSONValue {
        var object: [String: JSONValue] = [
            "role": .string(message.role.rawValue), "content": .string(message.content),
            "tool_calls": .array(message.toolCalls.map { ["id": .string($0.id), "name": .string($0.name), "arguments": $0.arguments] }),
            "is_error": .bool(message.isError),
        ]
        if let id = message.toolCallID { object["tool_call_id"] = .string(id) }
        return .object(object)
    }
}
