import ModegateCore

/// One trial's books. An actor: calls of one wave may arrive concurrently, and each mutation
/// must see the previous one's result.
actor LedgerSession: ToolSession {
    private var ledger: Ledger

    init(ledger: Ledger) { self.ledger = ledger }

    nonisolated var tools: [ToolDescriptor] { LedgerTools.descriptors }

    func finalState() async -> JSONValue? { ledger.json }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        SessionReplies.reply { try perform(name, arguments) }
    }

    private func perform(_ name: String, _ arguments: JSONValue) throws -> JSONValue {
        switch name {
        case "list_accounts":
            _ = try ToolArguments(arguments, tool: name, allowed: [])
            return ["as_of": .string(ledger.today), "accounts": .array(ledger.accounts.map(\.json))]
        case "list_transactions":
            let args = try ToolArguments(arguments, tool: name, allowed: ["account_id", "month", "category"])
            let account = try args.optionalString("account_id")
            let month = try args.optionalString("month")
            let category = try args.optionalString("category")
            let entries = ledger.transactions.filter { entry in
                (account.map { entry.accountID == $0 } ?? true) && (month.map { entry.date.hasPrefix($0 + "-") } ?? true)
                    && (category.map { entry.category == $0 } ?? true)
            }
            return ["transactions": .array(entries.map(\.json))]
        case "list_invoices":
            let args = try ToolArguments(arguments, tool: name, allowed: ["status", "customer"])
            let status = try args.optionalString("status")
            let customer = try args.optionalString("customer")
            let invoices = ledger.invoices.filter { invoice in
                (status.map { invoice.status.rawValue == $0 } ?? true) && (customer.map { invoice.customer == $0 } ?? true)
            }
            return ["invoices": .array(invoices.map(\.json))]
        case "list_bills":
            let status = try ToolArguments(arguments, tool: name, allowed: ["status"]).optionalString("status")
            let bills = ledger.bills.filter { bill in status.map { (bill.isOpen ? "open" : "paid") == $0 } ?? true }
            return ["bills": .array(bills.map(\.json))]
        default:
            return try mutate(name, arguments)
        }
    }

    private func mutate(_ name: String, _ arguments: JSONValue) throws -> JSONValue {
        guard let allowed = LedgerTools.argumentNames[name] else {
            throw ToolFailure("unknown tool '\(name)'; this suite has \(tools.map(\.name).joined(separator: ", "))")
        }
        return try LedgerCommand.run(name, ToolArguments(arguments, tool: name, allowed: allowed), on: &ledger)
    }
}
