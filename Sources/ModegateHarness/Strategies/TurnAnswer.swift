import Foundation
import ModegateCore
import ModegateProviders

/// What a strategy makes of one turn's tool calls: a reply per call, in order, or the trial's end.
enum TurnAnswer {
    case replies([(content: String, isError: Bool)])
    case end(StrategyEnding)
}
