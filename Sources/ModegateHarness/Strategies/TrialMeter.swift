import Foundation
import ModegateCore
import ModegateProviders

/// Everything counted during one trial, for its record (DESIGN §7): the counters the record
/// stores, read and added to through the meter (`meter.toolCalls += 1`), and what only the
/// transcript and the record's other fields need.
@dynamicMemberLookup
struct TrialMeter: Sendable {
    var counters = TrialCounters()
    var tokensEstimated = false
    /// MCP servers the trial's strategy found dead and started again (an external Code Mode server).
    var mcpRestarts = MCPRestarts()
    /// How the trial's first program failed, if it did.
    var firstProgramFailure: String?
    /// Every model request of the trial and its answer, in order, for the transcript.
    var exchanges: [ModelExchange] = []
    /// What failed in the last step the model was answered in — every tool call of the turn
    /// (`tool`), or its program's uncaught tool error (`tool`) or guardrail (`guardrail`) — nil
    /// when that step went well: why a trial that runs out of steps ended.
    var lastStepFailure: TrialError?

    subscript<Value>(dynamicMember keyPath: WritableKeyPath<TrialCounters, Value>) -> Value {
        get { counters[keyPath: keyPath] }
        set { counters[keyPath: keyPath] = newValue }
    }

    mutating func record(_ request: ModelRequest, _ response: ModelResponse, seconds: Double) {
        counters.modelRequests += 1
        counters.modelInputBytes += request.byteCount
        counters.promptTokens += response.usage.prompt
        counters.completionTokens += response.usage.completion
        counters.cachedTokens += response.usage.cached
        tokensEstimated = tokensEstimated || response.usage.estimated
        counters.latency.model += seconds
    }

    mutating func add(_ tools: ToolTally.Totals) {
        counters.toolCalls += tools.calls
        counters.failedToolCalls += tools.failures
        counters.toolResponseBytes += tools.bytes
        counters.latency.tool += tools.seconds
    }

    /// Cost from the gate's prices per million tokens (cached input at its own price when given).
    func cost(_ pricing: ModelPlan.Pricing?) -> Double {
        pricing?.cost(prompt: counters.promptTokens, completion: counters.completionTokens, cached: counters.cachedTokens) ?? 0
    }
}

