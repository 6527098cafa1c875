import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// What a strategy needs to play one trial.
struct TrialSetup: Sendable {
    var context: TrialContext
    /// The suite's tools for this trial, counted.
    var session: TalliedSession
    var maxSteps: Int
    var budget: BudgetGuard
    /// The model's name as transcripts write it.
    var modelName: String
    /// The arm's own instructions, after everything the strategy says.
    var instructions: String?
    /// The prices of the arm's model, which the budget charges its tokens at.
    var pricing: ModelPlan.Pricing? = nil
    /// Told when the model has answered a turn of a multi-turn case (its index, 0 first, and the
    /// answer's text) before the next turn starts: the harness scores it then, so a checker
    /// reads the state that turn left.
    var turnEnded: (@Sendable (Int, String) async -> Void)? = nil
    /// Where the trial's requests and calls are timed, for `--trace`: the session's.
    var timeline: TrialTimeline { session.timeline }
    /// The system prompt core both arms share (DESIGN §5).
    static let systemCore = """
        You are an agent that completes tasks with tools. Work step by step, use the tools to find \
        what you need, and do not guess. When you are done, reply with only the final answer: one \
        JSON value that matches the answer schema, with no other text.
        """

    /// The system prompt: the shared core, what the strategy adds, then the arm's instructions.
    func systemPrompt(adding strategyText: String? = nil) -> String {
        [Self.systemCore, strategyText, instructions].compactMap { $0 }.joined(separator: "\n")
    }

    var userPrompt: String {
        "\(context.testCase.prompt)\n\nAnswer schema (JSON Schema):\n\(context.testCase.answerSchema.jsonText)"
    }

    /// The user's message that opens follow-up turn `index` (0 is the first follow-up).
    func followUpPrompt(_ index: Int) -> String {
        let turn = context.testCase.followUps[index]
        return "\(turn.prompt)\n\nAnswer schema (JSON Schema):\n\(turn.answerSchema.jsonText)"
    }
}
