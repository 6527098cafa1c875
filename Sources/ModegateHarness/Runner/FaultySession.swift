import Foundation
import ModegateCore

/// Tool faults injected for a suite (`tools.faults` in the gate): each call fails with
/// probability `errorRate` and is delayed by `latencyMS`, drawn from a generator seeded by the
/// fault seed and the trial, so a run is reproducible.
actor FaultySession: ToolSession {
    private let inner: any ToolSession
    private let plan: ToolsPlan.Faults
    private var generator: SeededGenerator
    nonisolated let tools: [ToolDescriptor]

    init(_ inner: any ToolSession, plan: ToolsPlan.Faults, trialSeed: UInt64) {
        self.inner = inner
        self.plan = plan
        self.tools = inner.tools
        generator = SeededGenerator(seed: plan.seed, stream: trialSeed)
    }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        let roll = Double(generator.next() >> 11) / Double(1 << 53)
        if plan.latencyMS > 0 { try? await Task.sleep(nanoseconds: UInt64(plan.latencyMS) * 1_000_000) }
        if roll < plan.errorRate { return .failure("injected fault: \(name) is unavailable (HTTP 503)") }
        return await inner.call(name, arguments: arguments)
    }

    func finalState() async -> JSONValue? { await inner.finalState() }
    func infrastructureFailure() async -> String? { await inner.infrastructureFailure() }
    func serverRestarts() async -> [String: Int] { await inner.serverRestarts() }
    func close() async { await inner.close() }
}
