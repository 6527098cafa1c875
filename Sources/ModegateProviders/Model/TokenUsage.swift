import ModegateCore

/// Tokens of one request, as the provider reported them or as estimated.
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Input tokens, cached ones included.
    public var prompt: Int
    /// Output tokens.
    public var completion: Int
    /// Input tokens served from the provider's prompt cache (a part of `prompt`).
    public var cached: Int
    /// True when the counts are estimates from bytes (the scripted model, or an answer that
    /// reported no usage), not a provider's report.
    public var estimated: Bool

    /// Counts as given.
    public init(prompt: Int, completion: Int, cached: Int = 0, estimated: Bool) {
        self.prompt = prompt
        self.completion = completion
        self.cached = cached
        self.estimated = estimated
    }

    /// About four bytes of English or JSON per token: the estimate for models that report none.
    public static func estimate(promptBytes: Int, completionBytes: Int) -> TokenUsage {
        TokenUsage(prompt: (promptBytes + 3) / 4, completion: (completionBytes + 3) / 4, estimated: true)
    }

    /// An answer without usage: zero counts marked estimated, which whoever holds the request
    /// replaces with an estimate from its bytes (`estimatingUnreported`).
    static let unreported = TokenUsage(prompt: 0, completion: 0, estimated: true)

    /// The provider's `usage` object read by its field names; nil when it is absent, `null`, or
    /// gives neither count as a number (a server that does not count).
    static func reported(_ usage: JSONValue?, prompt: String, completion: String) -> (prompt: Int, completion: Int)? {
        guard let usage, case .object = usage else { return nil }
        let (input, output) = (usage[prompt]?.intValue, usage[completion]?.intValue)
        guard input != nil || output != nil else { return nil }
        return (input ?? 0, output ?? 0)
    }
}

extension ModelResponse {
    /// The response with unreported usage estimated from the request's and the message's bytes.
    func estimatingUnreported(for request: ModelRequest) -> ModelResponse {
        guard usage.estimated else { return self }
        var response = self
        response.usage = .estimate(promptBytes: request.byteCount, completionBytes: message.byteCount)
        return response
    }
}
