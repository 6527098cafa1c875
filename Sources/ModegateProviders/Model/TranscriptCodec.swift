import Foundation
import ModegateCore

/// How a transcript writes a model's requests and reads its answers back: a provider's wire
/// format, or the neutral one for models without a wire. The `replay` provider picks the codec
/// a transcript names.
protocol TranscriptCodec: Sendable {
    /// The name transcripts record (`format`).
    static var name: String { get }
    /// The body keys that carry the conversation: what replay compares, strictly. Sampling keys
    /// are left out because a live run may have adjusted them after a server refused one.
    static var conversationKeys: [String] { get }
    static func body(_ request: ModelRequest, sampling: WireSampling) -> JSONValue
    /// Throws `ModelError` for anything malformed.
    static func response(from data: Data) throws -> ModelResponse
}

extension TranscriptCodec {
    /// A request body reduced to `conversationKeys`.
    static func conversation(of body: JSONValue) -> JSONValue {
        var kept: [String: JSONValue] = [:]
        for key in conversationKeys { kept[key] = body[key] }
        return .object(kept)
    }
}
