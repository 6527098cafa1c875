import Foundation
import ModegateCore

/// What a transcript's answers say the trial's tokens were, read with the codec of the wire
/// format it was recorded in: `modegate verify` checks the results line against it.
public enum RecordedUsage {
    /// Every transcript format this version reads.
    static let codecs: [any TranscriptCodec.Type] = [
        OpenAIChatFormat.self, OpenAIResponsesFormat.self, AnthropicMessagesFormat.self, NeutralTranscriptFormat.self,
    ]

    static func codec(named format: String) -> (any TranscriptCodec.Type)? {
        codecs.first { $0.name == format }
    }

    /// The sum over a trial's recorded answers (in `format`), nil when it cannot be known from the transcript alone:
    /// an unknown format, an answer that no longer parses, or one that reported no usage (its
    /// estimate was made from the request as the harness held it, which a transcript does not keep).
    public static func tokens(format: String, answers: [JSONValue]) -> RunVerifier.Tokens? {
        // Imported traces have no wire of their own: their answers are the chat spans' usage.
        if format == OTelTranscriptFormat.name { return OTelTranscriptFormat.tokens(in: answers) }
        guard let codec = codec(named: format) else { return nil }
        var total = RunVerifier.Tokens(prompt: 0, completion: 0, cached: 0)
        for answer in answers {
            guard let usage = try? codec.response(from: Data(answer.jsonText.utf8)).usage, usage != .unreported else { return nil }
            total.prompt += usage.prompt
            total.completion += usage.completion
            total.cached += usage.cached
        }
        return total
    }
}
