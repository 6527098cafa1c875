import Foundation
import ModegateCore

/// The baseline: the model sees every tool schema and calls tools turn by turn (several calls
/// in one turn run concurrently); every result goes back into its context.
struct ToolCallStrategy {
    func play(_ setup: TrialSetup, model: any ModelSession, meter: inout TrialMeter) async -> StrategyEnding {
        let turn = ModelTurn(model: model, budget: setup.budget)
        var messages: [ChatMessage] = [.system(TrialSetup.systemCore), .user(setup.userPrompt)]
        let tools = setup.session.tools
        let toolBytes = ModelRequest.byteCount(of: tools)
        for _ in 0..<setup.maxSteps {
            let response: ModelResponse
            do {
                response = try await turn.complete(
                    ModelRequest(messages: messages, tools: tools, toolBytes: toolBytes), meter: &meter)
            } catch {
                return StrategyEnding(error: TrialErrors.from(error))
            }
            messages.append(response.message)
            let calls = response.message.toolCalls
            guard !calls.isEmpty else { return StrategyEnding(finalText: response.message.content) }
            let replies = await Self.execute(calls, on: setup.session)
            for (call, reply) in zip(calls, replies) {
                meter.modelVisibleToolBytes += reply.text.utf8.count
                messages.append(.toolResult(call.id, reply.text, isError: reply.isError))
            }
        }
        return StrategyEnding(error: TrialError(
            category: .model, message: "no final answer within max_steps (\(setup.maxSteps) model requests)"))
    }

    /// The turn's calls, concurrently, answers in call order.
    static func execute(_ calls: [ModelToolCall], on session: any ToolSession) async -> [ToolReply] {
        await calls.orderedConcurrentMap { await session.call($0.name, arguments: $0.arguments) }
    }
}

/// Maps what went wrong in a trial to its recorded category.
enum TrialErrors {
    static func from(_ error: Error) -> TrialError {
        switch error {
        case let budget as BudgetExhausted: TrialError(category: .budget, message: budget.reason)
        case let model as ModelError: TrialError(category: .provider, message: model.message)
        case is CancellationError: TrialError(category: .cancelled, message: "the run was interrupted")
        default: TrialError(category: .provider, message: "\(error)")
        }
    }
}
