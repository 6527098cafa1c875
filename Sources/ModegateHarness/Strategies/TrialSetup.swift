import Foundation
import ModegateCore
import ModegateSandbox

/// What a strategy needs to play one trial.
struct TrialSetup: Sendable {
    var context: TrialContext
    /// The suite's tools for this trial, counted.
    var session: TalliedSession
    var maxSteps: Int
    var budget: BudgetGuard
    /// The system prompt core both arms share (DESIGN §5).
    static let systemCore = """
        You are an agent that completes tasks with tools. Work step by step, use the tools to find \
        what you need, and do not guess. When you are done, reply with only the final answer: one \
        JSON value that matches the answer schema, with no other text.
        """

    var userPrompt: String {
        "\(context.testCase.prompt)\n\nAnswer schema (JSON Schema):\n\(context.testCase.answerSchema.jsonText)"
    }
}

/// How a strategy's conversation ended.
struct StrategyEnding: Sendable {
    /// The last assistant message's text, when the model gave a final answer.
    var finalText: String?
    var error: TrialError?
}

/// Calls the model once, with the budget checked first and every figure recorded.
struct ModelTurn {
    let model: any ModelSession
    let budget: BudgetGuard

    func complete(_ request: ModelRequest, meter: inout TrialMeter) async throws -> ModelResponse {
        if let reason = await budget.admitRequest() { throw BudgetExhausted(reason: reason) }
        let start = DispatchTime.now().uptimeNanoseconds
        let response = try await model.complete(request)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        meter.record(request, response, seconds: seconds)
        await budget.charge(tokens: response.usage)
        return response
    }
}

struct BudgetExhausted: Error {
    let reason: String
}
