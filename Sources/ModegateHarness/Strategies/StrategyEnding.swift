import Foundation
import ModegateCore
import ModegateProviders
import ModegateSandbox

/// How a strategy's conversation ended.
struct StrategyEnding: Sendable {
    /// The last assistant message's text, when the model gave a final answer.
    var finalText: String?
    var error: TrialError?
}
