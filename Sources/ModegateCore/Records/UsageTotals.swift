import Foundation

/// What a run asked of the model: RLM Code's `usage_totals`.
public struct UsageTotals: Sendable, Codable, Hashable {
    /// Model requests over all trials.
    public var totalCalls: Int
    /// Input tokens over all trials.
    public var promptTokens: Int
    /// Output tokens over all trials.
    public var completionTokens: Int

    /// Totals as given; none by default.
    public init(totalCalls: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0) {
        self.totalCalls = totalCalls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    enum CodingKeys: String, CodingKey {
        case totalCalls = "total_calls", promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
    }
}
