import ModegateCore

/// A small business's books: accounts, invoices to customers, bills from vendors, the
/// transaction history and month-end summaries. A value type: a session owns one copy and
/// mutates it through the operations in `Ledger+Operations.swift`; the oracle replays a
/// workflow on another copy of the same generated ledger.
struct Ledger: Sendable, Hashable {
    /// The books' "today": the default date of new entries and the reference for overdue rules.
    var today: String
    var accounts: [LedgerAccount]
    var invoices: [LedgerInvoice]
    var bills: [LedgerBill]
    var transactions: [LedgerTransaction]
    var summaries: [MonthSummary]

    /// The whole state, as the `state` scorer compares it.
    var json: JSONValue {
        ["today": .string(today), "accounts": .array(accounts.map(\.json)), "invoices": .array(invoices.map(\.json)),
         "bills": .array(bills.map(\.json)), "transactions": .array(transactions.map(\.json)),
         "summaries": .array(summaries.map(\.json))]
    }

    func accountIndex(_ id: String) throws -> Int {
        guard let index = accounts.firstIndex(where: { $0.id == id }) else {
            throw ToolFailure("no account '\(id)'; accounts are \(accounts.map(\.id).joined(separator: ", "))")
        }
        return index
    }

    func invoiceIndex(_ id: String) throws -> Int {
        guard let index = invoices.firstIndex(where: { $0.id == id }) else { throw ToolFailure("no invoice '\(id)'") }
        return index
    }

    func billIndex(_ id: String) throws -> Int {
        guard let index = bills.firstIndex(where: { $0.id == id }) else { throw ToolFailure("no bill '\(id)'") }
        return index
    }

    func transactionIndex(_ id: String) throws -> Int {
        guard let index = transactions.firstIndex(where: { $0.id == id }) else {
            throw ToolFailure("no transaction '\(id)'")
        }
        return index
    }

    /// Ids are sequential, so the same calls in the same order give the same state.
    var nextTransactionID: String { "TX-" + LedgerDate.padded(transactions.count + 1, 4) }
    var nextInvoiceID: String { "INV-" + String(1001 + invoices.count) }
}
