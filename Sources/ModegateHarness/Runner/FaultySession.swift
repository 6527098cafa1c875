import Foundation
import ModegateCore

/// Tool faults injected for a suite (`tools.faults` in the gate): each call fails with
/// probability `errorRate` and is delayed by `latencyMS`. A call's draw depends on the fault
/// seed, the trial, the call itself (tool and arguments) and how many times the trial made that
/// same call before — never on the order concurrent calls arrive in (a turn's parallel calls, a
/// program's `Promise.all`) — so a run is reproducible and its recording replays.
actor FaultySession: ToolSession {
    private let inner: any ToolSession
    private let plan: ToolsPlan.Faults
    private let trialSeed: UInt64
    private var occurrences: [String: UInt64] = [:]
    nonisolated let tools: [ToolDescriptor]

    init(_ inner: any ToolSession, plan: ToolsPlan.Faults, trialSeed: UInt64) {
        self.inner = inner
        self.plan = plan
        self.tools = inner.tools
        self.trialSeed = trialSeed
    }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        let identity = "\(name)\u{0}\(arguments.jsonText)"
        let occurrence = occurrences[identity, default: 0]
        occurrences[identity] = occurrence + 1
        var generator = SeededGenerator(
            seed: plan.seed, stream: trialSeed ^ FNV1a.hash(identity) ^ (occurrence &* 0x9e37_79b9_7f4a_7c15))
        let roll = Double(generator.next() >> 11) / Double(1 << 53)
        if plan.latencyMS > 0 { try? await Task.sleep(nanoseconds: UInt64(plan.latencyMS) * 1_000_000) }
        if roll < plan.errorRate { return .failure("injected fault: \(name) is unavailable (HTTP 503)") }
        return await inner.call(name, arguments: arguments)
    }

    func finalState() async -> JSONValue? { await inner.finalState() }
    func infrastructureFailure() async -> TrialError? { await inner.infrastructureFailure() }
    func serverRestarts() async -> MCPRestarts { await inner.serverRestarts() }
    func close() async { await inner.close() }
}
