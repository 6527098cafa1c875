import ModegateCore

/// Stateful small-business accounting: every trial gets fresh books generated from the case's
/// `seed`, runs one of eight workflows (`workflow` and its knobs) through the tools, and is
/// scored on the whole final ledger against the oracle's.
public struct LedgerSuite: Suite {
    /// The suite; each case's books come from its `seed`.
    public init() {}

    /// `ledger_workflows`, as presets name it.
    public let name = "ledger_workflows"
    /// One line for listings.
    public let summary = "Stateful accounting: invoices, payments, refunds, transfers, bills and month-end summaries."

    private static let cache = GeneratedDataCache<Ledger>()

    static func initialLedger(_ params: JSONValue) -> Ledger {
        let seed = SuiteParams(params).int("seed", default: 1, in: 0...Int(Int32.max))
        return cache.value(for: String(seed)) { Ledger.generated(seed: seed) }
    }

    /// The ledger tools: accounts, transactions, invoices, payments, bills and month-end summaries.
    public var tools: [ToolDescriptor] { LedgerTools.descriptors }

    /// A session over fresh books generated from `params`' seed.
    public func makeSession(params: JSONValue) -> any ToolSession {
        LedgerSession(ledger: Self.initialLedger(params))
    }

    /// Ledger cases are scored on state and their answer is only a receipt, so the expected
    /// "answer" is the expected final ledger, which is what a `state` score compares.
    public func oracle(params: JSONValue) -> JSONValue? { expectedState(params: params) }

    /// The books after the workflow, performed directly on the model; nil when the params name
    /// no workflow or the workflow cannot be carried out on these books.
    public func expectedState(params: JSONValue) -> JSONValue? {
        var ledger = Self.initialLedger(params)
        do {
            try LedgerWorkflow.apply(params, to: &ledger)
        } catch {
            return nil
        }
        return ledger.json
    }
}
