import Foundation
import ModegateCore
import ModegateProviders

/// The baseline: the model sees every tool schema and calls tools turn by turn (several calls
/// in one turn run concurrently); every result goes back into its context. Tools whose names
/// tool calling refuses are offered under valid names (`FunctionNameMap`).
struct ToolCallStrategy {
    func play(_ setup: TrialSetup, model: any ModelSession, meter: inout TrialMeter) async -> StrategyEnding {
        let names = FunctionNameMap(setup.session.tools)
        return await ModelTurn(model: model, setup: setup).converse(
            system: setup.systemPrompt(), setup: setup, tools: names.offered(setup.session.tools), meter: &meter
        ) { offeredCalls, meter in
            let calls = offeredCalls.map { call in
                ModelToolCall(id: call.id, name: names.tool(named: call.name), arguments: call.arguments)
            }
            let checks = ToolCallChecks(setup.session.tools)
            for call in calls { checks.count(call.name, arguments: call.arguments, into: &meter.counters) }
            let replies = await Self.execute(calls, on: setup.session)
            meter.lastStepFailure = replies.allSatisfy(\.isError)
                ? TrialError(category: .tool, message: "the last turn's tool calls failed: \(String(replies[0].text.prefix(300)))")
                : nil
            return .replies(replies.map { ($0.text, $0.isError) })
        }
    }

    /// The turn's calls, concurrently, answers in call order.
    static func execute(_ calls: [ModelToolCall], on session: any ToolSession) async -> [ToolReply] {
        await calls.orderedConcurrentMap { await session.call($0.name, arguments: $0.arguments) }
    }
}
