/// The transcript format of imported traces (`format: otel_genai`): one exchange per `chat`
/// span, its request the span's name, model and provider, its answer the model that answered,
/// the finish reasons and `gen_ai.usage.*` as the span reported them. Traces keep no
/// conversation unless content capture was on, so an imported run cannot be replayed; `verify`
/// reads the answers' usage to check the trial's tokens.
public enum OTelTranscriptFormat {
    /// The format's name in transcripts.
    public static let name = "otel_genai"

    /// A `chat` span as an exchange. A failed span without usage has no answer.
    static func exchange(
        turn: Int, span: OTLPSpan, model: String?, answeredModel: String?, usage: (prompt: Int, completion: Int, cached: Int)?
    ) -> ModelExchange {
        var request: [String: JSONValue] = ["span": .string(span.name), "span_id": .string(span.spanID)]
        if let model { request["model"] = .string(model) }
        if let provider = OTelTrialMapper.provider(of: span) { request["provider"] = .string(provider) }
        var answer: [String: JSONValue] = [:]
        if let answeredModel { answer["model"] = .string(answeredModel) }
        if let reasons = span.attributes["gen_ai.response.finish_reasons"] { answer["finish_reasons"] = reasons }
        if let usage {
            answer["usage"] = [
                "input_tokens": .number(Double(usage.prompt)), "output_tokens": .number(Double(usage.completion)),
                "cache_read_input_tokens": .number(Double(usage.cached)),
            ]
        }
        let answered = !span.failed || usage != nil
        return ModelExchange(
            turn: turn, request: .object(request), response: answered ? .object(answer) : nil, seconds: span.seconds,
            error: span.failure)
    }

    /// The tokens a trial's answers report, nil when one reports none (then they are not checked).
    public static func tokens(in answers: [JSONValue]) -> RunVerifier.Tokens? {
        var total = RunVerifier.Tokens(prompt: 0, completion: 0, cached: 0)
        for answer in answers {
            guard let usage = answer["usage"], let input = usage["input_tokens"]?.intValue,
                let output = usage["output_tokens"]?.intValue
            else { return nil }
            total.prompt += input
            total.completion += output
            total.cached += usage["cache_read_input_tokens"]?.intValue ?? 0
        }
        return total
    }
}
