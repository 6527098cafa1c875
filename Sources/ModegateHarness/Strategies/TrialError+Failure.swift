import ModegateCore
import ModegateProviders

extension TrialError {
    /// What went wrong in a trial, in its recorded category: a refused budget, a provider's
    /// failure or timeout, an interruption.
    init(failure error: Error) {
        switch error {
        case let budget as BudgetExhausted: self.init(category: .budget, message: budget.reason.description)
        case let model as ModelError: self.init(category: model.timedOut ? .timeout : .provider, message: model.message)
        case is CancellationError: self.init(category: .cancelled, message: "the run was interrupted")
        default: self.init(category: .provider, message: "\(error)")
        }
    }
}
