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
    var mcpRestarts: [String: Int] = [:]
    /// Every model request of the trial and its answer, in order, for the transcript.
    var exchanges: [ModelExchange] = []

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

/// Counts tool calls made concurrently (by a wave, or by a program's Promise.all).
final class ToolTally: @unchecked Sendable {
    struct Totals: Sendable {
        var calls = 0
        var failures = 0
        var bytes = 0
        var seconds = 0.0
    }

    private let lock = NSLock()
    private var totals = Totals()

    func add(reply: ToolReply, seconds: Double) {
        lock.lock()
        totals.calls += 1
        totals.failures += reply.isError ? 1 : 0
        totals.bytes += reply.text.utf8.count
        totals.seconds += seconds
        lock.unlock()
    }

    var current: Totals {
        lock.lock()
        defer { lock.unlock() }
        return totals
    }
}

/// A tool session that counts every call it answers.
struct TalliedSession: ToolSession {
    let inner: any ToolSession
    let tally: ToolTally

    var tools: [ToolDescriptor] { inner.tools }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        let start = DispatchTime.now().uptimeNanoseconds
        let reply = await inner.call(name, arguments: arguments)
        tally.add(reply: reply, seconds: Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        return reply
    }

    func finalState() async -> JSONValue? { await inner.finalState() }
    func infrastructureFailure() async -> String? { await inner.infrastructureFailure() }
    func serverRestarts() async -> [String: Int] { await inner.serverRestarts() }
    func close() async { await inner.close() }
}
