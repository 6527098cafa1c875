/// Everything a trial counts, under one name each: the meter adds to it while the trial plays,
/// the trial's record stores it (as flat fields of its JSON line, DESIGN §7), and a run's totals
/// sum it. A new counter is added here once and appears in all three.
public struct TrialCounters: Sendable, Codable, Hashable {
    /// Requests sent to the model (a trial's steps).
    public var modelRequests = 0
    /// Tool calls answered, by the model's calls or a program's.
    public var toolCalls = 0
    /// Tool calls whose answer was an error.
    public var failedToolCalls = 0
    /// Code Mode programs run (`run_code` or an external server's execute tool).
    public var codemodeChainCalls = 0
    /// Code Mode `search_tools` calls.
    public var codemodeSearchCalls = 0
    /// Code Mode `tool_info` calls.
    public var codemodeDiscoveryCalls = 0
    /// Programs or tool calls a guardrail refused.
    public var codemodeGuardrailBlocked = 0
    /// Tool calls that crossed an MCP transport.
    public var mcpToolCalls = 0
    /// Input tokens the provider reported (or the scripted model estimated).
    public var promptTokens = 0
    /// Output tokens.
    public var completionTokens = 0
    /// Input tokens served from the provider's prompt cache.
    public var cachedTokens = 0
    /// Bytes of every tool answer, whether or not the model saw them.
    public var toolResponseBytes = 0
    /// Bytes of tool answers that reached the model's context.
    public var modelVisibleToolBytes = 0
    /// Bytes of every request sent to the model.
    public var modelInputBytes = 0
    /// Seconds spent, split by where the time went.
    public var latency = TrialLatency()
    /// Calls to tools the suite does not have (by the model, or by its programs).
    public var unknownToolCalls = 0
    /// Calls whose arguments do not match the tool's input schema (the call still goes out).
    public var invalidArgumentCalls = 0

    /// No counts yet.
    public init() {}

    /// Adds every count (and every latency part) of `other`.
    public static func += (lhs: inout TrialCounters, rhs: TrialCounters) {
        lhs.modelRequests += rhs.modelRequests
        lhs.toolCalls += rhs.toolCalls
        lhs.failedToolCalls += rhs.failedToolCalls
        lhs.codemodeChainCalls += rhs.codemodeChainCalls
        lhs.codemodeSearchCalls += rhs.codemodeSearchCalls
        lhs.codemodeDiscoveryCalls += rhs.codemodeDiscoveryCalls
        lhs.codemodeGuardrailBlocked += rhs.codemodeGuardrailBlocked
        lhs.mcpToolCalls += rhs.mcpToolCalls
        lhs.promptTokens += rhs.promptTokens
        lhs.completionTokens += rhs.completionTokens
        lhs.cachedTokens += rhs.cachedTokens
        lhs.toolResponseBytes += rhs.toolResponseBytes
        lhs.modelVisibleToolBytes += rhs.modelVisibleToolBytes
        lhs.modelInputBytes += rhs.modelInputBytes
        lhs.latency.total += rhs.latency.total
        lhs.latency.model += rhs.latency.model
        lhs.latency.tool += rhs.latency.tool
        lhs.latency.sandbox += rhs.latency.sandbox
        lhs.unknownToolCalls += rhs.unknownToolCalls
        lhs.invalidArgumentCalls += rhs.invalidArgumentCalls
    }

    enum CodingKeys: String, CodingKey {
        case modelRequests = "model_requests", toolCalls = "tool_calls", failedToolCalls = "failed_tool_calls"
        case codemodeChainCalls = "codemode_chain_calls", codemodeSearchCalls = "codemode_search_calls"
        case codemodeDiscoveryCalls = "codemode_discovery_calls"
        case codemodeGuardrailBlocked = "codemode_guardrail_blocked", mcpToolCalls = "mcp_tool_calls"
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", cachedTokens = "cached_tokens"
        case toolResponseBytes = "tool_response_bytes", modelVisibleToolBytes = "model_visible_tool_bytes"
        case modelInputBytes = "model_input_bytes", latency
        case unknownToolCalls = "unknown_tool_calls", invalidArgumentCalls = "invalid_argument_calls"
    }

    /// Reads a trial's counters; the adoption counters are zero in lines written before they existed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        modelRequests = try container.decode(Int.self, forKey: .modelRequests)
        toolCalls = try container.decode(Int.self, forKey: .toolCalls)
        failedToolCalls = try container.decode(Int.self, forKey: .failedToolCalls)
        codemodeChainCalls = try container.decode(Int.self, forKey: .codemodeChainCalls)
        codemodeSearchCalls = try container.decode(Int.self, forKey: .codemodeSearchCalls)
        codemodeDiscoveryCalls = try container.decode(Int.self, forKey: .codemodeDiscoveryCalls)
        codemodeGuardrailBlocked = try container.decode(Int.self, forKey: .codemodeGuardrailBlocked)
        mcpToolCalls = try container.decode(Int.self, forKey: .mcpToolCalls)
        promptTokens = try container.decode(Int.self, forKey: .promptTokens)
        completionTokens = try container.decode(Int.self, forKey: .completionTokens)
        cachedTokens = try container.decode(Int.self, forKey: .cachedTokens)
        toolResponseBytes = try container.decode(Int.self, forKey: .toolResponseBytes)
        modelVisibleToolBytes = try container.decode(Int.self, forKey: .modelVisibleToolBytes)
        modelInputBytes = try container.decode(Int.self, forKey: .modelInputBytes)
        latency = try container.decode(TrialLatency.self, forKey: .latency)
        // Runs recorded before these counters existed read as zero.
        unknownToolCalls = try container.decodeIfPresent(Int.self, forKey: .unknownToolCalls) ?? 0
        invalidArgumentCalls = try container.decodeIfPresent(Int.self, forKey: .invalidArgumentCalls) ?? 0
    }
}
