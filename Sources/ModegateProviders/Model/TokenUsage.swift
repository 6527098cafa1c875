import ModegateCore

/// Tokens of one request, as the provider reported them or as estimated.
public struct TokenUsage: Sendable, Hashable, Codable {
    /// Input tokens, cached ones included.
    public var prompt: Int
    /// Output tokens.
    public var completion: Int
    /// Input tokens served from the provider's prompt cache (a part of `prompt`).
    public var cached: Int
    /// True when the counts are estimates from bytes (the scripted model), not a provider's report.
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
}
