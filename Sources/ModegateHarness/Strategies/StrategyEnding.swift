import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// How a strategy's conversation ended.
struct StrategyEnding: Sendable {
    /// The last assistant message's text, when the model gave a final answer.
    var finalText: String?
    var error: TrialError?
    /// A multi-turn case: each turn the model answered before the last one reached, in order.
    var answeredTurns: [AnsweredTurn] = []
}

/// A turn of a multi-turn conversation the model answered, with the trial's counts when it did
/// (a turn's own figures are the difference from the turn before).
struct AnsweredTurn: Sendable {
    var text: String
    var modelRequests: Int
    var promptTokens: Int
    var completionTokens: Int
}
