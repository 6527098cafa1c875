import Foundation
import ModegateCore

/// Everything counted during one trial, for its record (DESIGN §7).
struct TrialMeter: Sendable {
    var modelRequests = 0
    var toolCalls = 0
    var failedToolCalls = 0
    var chainCalls = 0
    var searchCalls = 0
    var discoveryCalls = 0
    var guardrailBlocked = 0
    var mcpToolCalls = 0
    var promptTokens = 0
    var completionTokens = 0
    var cachedTokens = 0
    var tokensEstimated = false
    var toolResponseBytes = 0
    var modelVisibleToolBytes = 0
    var modelInputBytes = 0
    var modelSeconds = 0.0
    var toolSeconds = 0.0
    var sandboxSeconds = 0.0
    /// MCP servers the trial's strategy found dead and started again (an external Code Mode server).
    var mcpRestarts: [String: Int] = [:]
    /// Every model request of the trial and its answer, in order, for the transcript.
    var exchanges: [ModelExchange] = []

    mutating func record(_ request: ModelRequest, _ response: ModelResponse, seconds: Double) {
        modelRequests += 1
        modelInputBytes += request.byteCount
        promptTokens += response.usage.prompt
        completionTokens += response.usage.completion
        cachedTokens += response.usage.cached
        tokensEstimated = tokensEstimated || response.usage.estimated
        modelSeconds += seconds
    }

    mutating func add(_ tools: ToolTally.Totals) {
        toolCalls += tools.calls
        failedToolCalls += tools.failures
        toolResponseBytes += tools.bytes
        toolSeconds += tools.seconds
    }

    /// Cost from the gate's prices per million tokens (cached input at its own price when given).
    func cost(_ pricing: ModelPlan.Pricing?) -> Double {
        pricing?.cost(prompt: promptTokens, completion: completionTokens, cached: cachedTokens) ?? 0
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
