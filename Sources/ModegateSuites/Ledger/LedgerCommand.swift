import ModegateCore

/// The ledger's mutating tools: read the arguments, run the operation, render the result.
/// Operation failures are prefixed with the tool's name, as argument failures already are.
enum LedgerCommand {
    static func run(_ name: String, _ args: ToolArguments, on ledger: inout Ledger) throws -> JSONValue {
        switch name {
        case "record_transaction":
            let (account, amount) = (try args.string("account_id"), try args.int("amount_cents"))
            let (description, category, date) = (try args.string("description"), try args.string("category"),
                                                 try args.optionalString("date"))
            let entry = try failing(name) {
                try ledger.record(account: account, amountCents: amount, description: description, category: category, date: date)
            }
            return ["transaction": entry.json]
        case "categorize_transaction":
            let (id, category) = (try args.string("transaction_id"), try args.string("category"))
            return ["transaction": try failing(name) { try ledger.categorize(transaction: id, category: category) }.json]
        case "transfer":
            let (source, target) = (try args.string("from_account_id"), try args.string("to_account_id"))
            let (amount, memo) = (try args.int("amount_cents"), try args.string("memo"))
            let entries = try failing(name) { try ledger.transfer(from: source, to: target, amountCents: amount, memo: memo) }
            return ["transactions": .array(entries.map(\.json))]
        case "create_invoice":
            let (customer, due) = (try args.string("customer"), try args.string("due_date"))
            let lines = try args.list("lines").map(line)
            return ["invoice": try failing(name) { try ledger.createInvoice(customer: customer, lines: lines, due: due) }.json]
        case "record_payment":
            let (id, amount, account) = (try args.string("invoice_id"), try args.int("amount_cents"), try args.string("account_id"))
            let date = try args.optionalString("date")
            let (invoice, entry) = try failing(name) {
                try ledger.recordPayment(invoice: id, amountCents: amount, account: account, date: date)
            }
            return ["invoice": invoice.json, "transaction": entry.json]
        case "refund_payment":
            let (id, amount, account) = (try args.string("invoice_id"), try args.int("amount_cents"), try args.string("account_id"))
            let (invoice, entry) = try failing(name) { try ledger.refund(invoice: id, amountCents: amount, account: account) }
            return ["invoice": invoice.json, "transaction": entry.json]
        case "add_invoice_line":
            let id = try args.string("invoice_id")
            let added = InvoiceLine(description: try args.string("description"), quantity: try args.int("quantity"),
                                    unitPriceCents: try args.int("unit_price_cents"))
            return ["invoice": try failing(name) { try ledger.addLine(invoice: id, line: added) }.json]
        case "void_invoice":
            let (id, reason) = (try args.string("invoice_id"), try args.string("reason"))
            return ["invoice": try failing(name) { try ledger.void(invoice: id, reason: reason) }.json]
        case "pay_bill":
            let (id, account) = (try args.string("bill_id"), try args.string("account_id"))
            let (bill, entry) = try failing(name) { try ledger.pay(bill: id, account: account) }
            return ["bill": bill.json, "transaction": entry.json]
        case "record_month_summary":
            let summary = MonthSummary(
                month: try args.string("month"), incomeCents: try args.int("income_cents"),
                expenseCents: try args.int("expense_cents"), netCents: try args.int("net_cents"))
            guard summary.month.count == 7, LedgerDate.isDate(summary.month + "-01") else {
                throw ToolFailure("\(name): '\(summary.month)' is not a month (YYYY-MM)")
            }
            ledger.recordSummary(summary)
            return ["summary": summary.json]
        default:
            throw ToolFailure("unknown tool '\(name)'")
        }
    }

    private static func line(_ value: JSONValue) throws -> InvoiceLine {
        guard let description = value["description"]?.stringValue, let quantity = value["quantity"]?.intValue,
            let price = value["unit_price_cents"]?.intValue
        else {
            throw ToolFailure("create_invoice: each line needs description (string), quantity and unit_price_cents (integers)")
        }
        return InvoiceLine(description: description, quantity: quantity, unitPriceCents: price)
    }

    private static func failing<Result>(_ tool: String, _ body: () throws -> Result) throws -> Result {
        do {
            return try body()
        } catch let failure as ToolFailure {
            throw ToolFailure("\(tool): \(failure.message)")
        }
    }
}
