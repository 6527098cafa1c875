import Foundation
import ModegateCore
import ModegateProviders

/// Calls the model once, with the budget checked first and every figure recorded, and the
/// exchange kept for the trial's transcript.
struct ModelTurn {
    let model: any ModelSession
    let budget: BudgetGuard
    let modelName: String
    let pricing: ModelPlan.Pricing?
    /// Told each answered turn, so the tool calls that follow it are traced as that turn's.
    let tally: ToolTally
    /// Times each request, for the trial's trace.
    let timeline: TrialTimeline

    init(model: any ModelSession, setup: TrialSetup) {
        self.model = model
        budget = setup.budget
        modelName = setup.modelName
        pricing = setup.pricing
        tally = setup.session.tally
        timeline = setup.timeline
    }

    func complete(_ request: ModelRequest, meter: inout TrialMeter) async throws -> ModelResponse {
        if let reason = await budget.admitRequest() { throw BudgetExhausted(reason: reason) }
        let start = DispatchTime.now().uptimeNanoseconds
        let turn = meter.modelRequests + 1
        let began = timeline.now
        let response: ModelResponse
        do {
            response = try await model.complete(request)
        } catch let error as ModelError {
            timeline.chat(turn: turn, start: began, usage: nil, stop: nil, error: error.message)
            var exchange = error.exchange ?? ModelExchange(request: neutralBody(request), error: error.message)
            exchange.turn = turn
            meter.exchanges.append(exchange)
            throw error
        }
        let seconds = response.recordedSeconds ?? Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        timeline.chat(turn: turn, start: began, usage: response.usage, stop: response.stopReason.rawValue, error: nil)
        meter.record(request, response, seconds: seconds)
        tally.enterTurn(turn)
        var exchange = response.exchange ?? ModelExchange(
            request: neutralBody(request), response: NeutralTranscriptFormat.answer(response), seconds: seconds)
        exchange.turn = turn
        meter.exchanges.append(exchange)
        await budget.charge(tokens: response.usage, at: pricing)
        return response
    }

    /// A model with no wire of its own is written down in the neutral format.
    private func neutralBody(_ request: ModelRequest) -> JSONValue {
        NeutralTranscriptFormat.body(request, model: modelName)
    }
}

extension ModelTurn {
    /// The loop every strategy shares: send the conversation, append the model's message, stop at
    /// a final answer (a message without tool calls) or after `maxSteps` requests; otherwise let
    /// the strategy answer the calls, count what reaches the model, and go on. A multi-turn case
    /// goes on after each answer with the user's next message, the same history and tools, and
    /// `maxSteps` requests for each turn.
    func converse(
        system: String, setup: TrialSetup, tools: [ToolDescriptor], meter: inout TrialMeter,
        answer: ([ModelToolCall], inout TrialMeter) async -> TurnAnswer
    ) async -> StrategyEnding {
        var messages: [ChatMessage] = [.system(system), .user(setup.userPrompt)]
        let toolBytes = ModelRequest.byteCount(of: tools)
        let followUps = setup.context.testCase.followUps.count
        var answered: [AnsweredTurn] = []
        var step = 0
        while step < setup.maxSteps {
            step += 1
            let response: ModelResponse
            do {
                response = try await complete(ModelRequest(messages: messages, tools: tools, toolBytes: toolBytes), meter: &meter)
            } catch {
                return StrategyEnding(error: TrialError(failure: error), answeredTurns: answered)
            }
            messages.append(response.message)
            let calls = response.message.toolCalls
            if calls.isEmpty, answered.count < followUps {
                answered.append(AnsweredTurn(
                    text: response.message.content, modelRequests: meter.modelRequests, promptTokens: meter.promptTokens,
                    completionTokens: meter.completionTokens))
                await setup.turnEnded?(answered.count - 1, response.message.content)
                messages.append(.user(setup.followUpPrompt(answered.count - 1)))
                step = 0
                meter.lastStepFailure = nil
                continue
            }
            guard !calls.isEmpty else { return StrategyEnding(finalText: response.message.content, answeredTurns: answered) }
            switch await answer(calls, &meter) {
            case .end(var ending):
                ending.answeredTurns = answered
                return ending
            case .replies(let replies):
                for (call, reply) in zip(calls, replies) {
                    meter.modelVisibleToolBytes += reply.content.utf8.count
                    messages.append(.toolResult(call.id, reply.content, isError: reply.isError))
                }
            }
        }
        let turn = followUps == 0 ? "" : " in turn \(answered.count + 1)"
        let exhausted = "no final answer within max_steps (\(setup.maxSteps) model requests)\(turn)"
        guard let last = meter.lastStepFailure else {
            return StrategyEnding(error: TrialError(category: .model, message: exhausted), answeredTurns: answered)
        }
        return StrategyEnding(error: TrialError(category: last.category, message: "\(exhausted); \(last.message)"), answeredTurns: answered)
    }
}
