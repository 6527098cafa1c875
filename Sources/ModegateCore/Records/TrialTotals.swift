/// Sums of every countable trial field over a run.
public struct TrialTotals: Sendable, Codable, Hashable {
    public var modelRequests = 0
    public var toolCalls = 0
    public var failedToolCalls = 0
    public var codemodeChainCalls = 0
    public var codemodeSearchCalls = 0
    public var codemodeDiscoveryCalls = 0
    public var codemodeGuardrailBlocked = 0
    public var mcpToolCalls = 0
    public var promptTokens = 0
    public var completionTokens = 0
    public var cachedTokens = 0
    public var toolResponseBytes = 0
    public var modelVisibleToolBytes = 0
    public var modelInputBytes = 0
    public var infrastructureErrors = 0
    public var errors = 0
    public var latency = TrialLatency()
    public var cost = 0.0

    public init() {}

    public mutating func add(_ trial: TrialRecord) {
        modelRequests += trial.modelRequests
        toolCalls += trial.toolCalls
        failedToolCalls += trial.failedToolCalls
        codemodeChainCalls += trial.codemodeChainCalls
        codemodeSearchCalls += trial.codemodeSearchCalls
        codemodeDiscoveryCalls += trial.codemodeDiscoveryCalls
        codemodeGuardrailBlocked += trial.codemodeGuardrailBlocked
        mcpToolCalls += trial.mcpToolCalls
        promptTokens += trial.promptTokens
        completionTokens += trial.completionTokens
        cachedTokens += trial.cachedTokens
        toolResponseBytes += trial.toolResponseBytes
        modelVisibleToolBytes += trial.modelVisibleToolBytes
        modelInputBytes += trial.modelInputBytes
        if let error = trial.error {
            errors += 1
            if error.category.isInfrastructure { infrastructureErrors += 1 }
        }
        latency.total += trial.latency.total
        latency.model += trial.latency.model
        latency.tool += trial.latency.tool
        latency.sandbox += trial.latency.sandbox
        cost += trial.cost
    }

    enum CodingKeys: String, CodingKey {
        case modelRequests = "model_requests", toolCalls = "tool_calls", failedToolCalls = "failed_tool_calls"
        case codemodeChainCalls = "codemode_chain_calls", codemodeSearchCalls = "codemode_search_calls"
        case codemodeDiscoveryCalls = "codemode_discovery_calls"
        case codemodeGuardrailBlocked = "codemode_guardrail_blocked", mcpToolCalls = "mcp_tool_calls"
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", cachedTokens = "cached_tokens"
        case toolResponseBytes = "tool_response_bytes", modelVisibleToolBytes = "model_visible_tool_bytes"
        case modelInputBytes = "model_input_bytes", infrastructureErrors = "infrastructure_errors", errors
        case latency, cost
    }
}
