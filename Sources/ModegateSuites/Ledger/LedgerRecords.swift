import ModegateCore

/// The records a ledger keeps. Money is always integer cents, so a program's arithmetic in
/// JavaScript doubles is exact and the final state compares exactly.
struct LedgerAccount: Sendable, Hashable {
    var id: String
    var name: String
    var balanceCents: Int

    var json: JSONValue {
        ["id": .string(id), "name": .string(name), "balance_cents": .number(Double(balanceCents))]
    }
}

struct LedgerTransaction: Sendable, Hashable {
    var id: String
    var date: String
    var accountID: String
    /// Positive for money in, negative for money out.
    var amountCents: Int
    var description: String
    var category: String

    var json: JSONValue {
        ["id": .string(id), "date": .string(date), "account_id": .string(accountID),
         "amount_cents": .number(Double(amountCents)), "description": .string(description),
         "category": .string(category)]
    }
}

struct InvoiceLine: Sendable, Hashable {
    var description: String
    var quantity: Int
    var unitPriceCents: Int

    var json: JSONValue {
        ["description": .string(description), "quantity": .number(Double(quantity)),
         "unit_price_cents": .number(Double(unitPriceCents))]
    }
}

struct LedgerInvoice: Sendable, Hashable {
    enum Status: String, Sendable { case open, partiallyPaid = "partially_paid", paid, void }

    var id: String
    var customer: String
    var issued: String
    var due: String
    var lines: [InvoiceLine]
    var paidCents: Int
    var refundedCents: Int
    var status: Status
    var voidReason: String?

    var totalCents: Int { lines.reduce(0) { $0 + $1.quantity * $1.unitPriceCents } }
    var outstandingCents: Int { totalCents - paidCents }

    var json: JSONValue {
        ["id": .string(id), "customer": .string(customer), "issued": .string(issued), "due": .string(due),
         "lines": .array(lines.map(\.json)), "total_cents": .number(Double(totalCents)),
         "paid_cents": .number(Double(paidCents)), "refunded_cents": .number(Double(refundedCents)),
         "status": .string(status.rawValue), "void_reason": voidReason.map(JSONValue.string) ?? .null]
    }
}

struct LedgerBill: Sendable, Hashable {
    var id: String
    var vendor: String
    var category: String
    var due: String
    var amountCents: Int
    var paidOn: String?
    var paidFrom: String?

    var isOpen: Bool { paidOn == nil }

    var json: JSONValue {
        ["id": .string(id), "vendor": .string(vendor), "category": .string(category), "due": .string(due),
         "amount_cents": .number(Double(amountCents)), "status": isOpen ? "open" : "paid",
         "paid_on": paidOn.map(JSONValue.string) ?? .null, "paid_from": paidFrom.map(JSONValue.string) ?? .null]
    }
}

struct MonthSummary: Sendable, Hashable {
    var month: String
    var incomeCents: Int
    var expenseCents: Int
    var netCents: Int

    var json: JSONValue {
        ["month": .string(month), "income_cents": .number(Double(incomeCents)),
         "expense_cents": .number(Double(expenseCents)), "net_cents": .number(Double(netCents))]
    }
}
