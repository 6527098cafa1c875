import Foundation
import ModegateCore
import ModegateProviders

/// A model request the budget refused: the trial ends with a `budget` error.
struct BudgetExhausted: Error {
    let reason: StopReason
}
