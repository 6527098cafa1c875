import ModegateCore

/// The eight business workflows of the ledger cases, in the codemode_python_benchmark's shape.
/// `apply` is the oracle: it performs a workflow directly on the ledger model from the case's
/// params, independently of any program, and the resulting books are the expected state.
enum LedgerWorkflow: String, Sendable, CaseIterable {
    /// Create an invoice, then record the listed partial payments in order.
    case invoiceWithPayments = "invoice_with_payments"
    /// Move a reserve from operating to savings, then top payroll up to a target from operating.
    case rebalance
    /// Record a month's income, expenses (transfers excluded) and net.
    case monthEndSummary = "month_end_summary"
    /// Refund a share of what a customer paid on their most recent fully paid invoice.
    case refund
    /// Pay open bills due by today, oldest first, skipping any that would breach a minimum balance.
    case payDueBills = "pay_due_bills"
    /// Categorize every uncategorized transaction by the first matching rule.
    case categorize
    /// Add a late-fee line to every overdue unpaid invoice.
    case lateFees = "late_fees"
    /// Void open invoices overdue by more than a number of days.
    case writeOff = "write_off"

    static func apply(_ params: JSONValue, to ledger: inout Ledger) throws {
        let values = SuiteParams(params)
        guard let workflow = values.string("workflow").flatMap(LedgerWorkflow.init(rawValue:)) else {
            throw ToolFailure("unknown workflow")
        }
        try workflow.apply(values, to: &ledger)
    }

    private func apply(_ params: SuiteParams, to ledger: inout Ledger) throws {
        switch self {
        case .invoiceWithPayments:
            let lines = (params.values["lines"]?.arrayValue ?? []).map { line in
                InvoiceLine(description: line["description"]?.stringValue ?? "",
                            quantity: line["quantity"]?.intValue ?? 0, unitPriceCents: line["unit_price_cents"]?.intValue ?? 0)
            }
            let invoice = try ledger.createInvoice(
                customer: params.string("customer") ?? "", lines: lines, due: params.string("due_date") ?? "")
            for payment in params.values["payments"]?.arrayValue?.compactMap(\.intValue) ?? [] {
                _ = try ledger.recordPayment(invoice: invoice.id, amountCents: payment, account: params.string("account") ?? "")
            }
        case .rebalance:
            _ = try ledger.transfer(from: "operating", to: "savings", amountCents: params.int("reserve_cents", default: 0, in: 0...Int.max),
                                    memo: "quarterly reserve")
            let target = params.int("payroll_target_cents", default: 0, in: 0...Int.max)
            let payroll = ledger.accounts[try ledger.accountIndex("payroll")].balanceCents
            if payroll < target {
                _ = try ledger.transfer(from: "operating", to: "payroll", amountCents: target - payroll, memo: "payroll top-up")
            }
        case .monthEndSummary:
            let month = params.string("month") ?? ""
            let entries = ledger.transactions.filter { $0.date.hasPrefix(month + "-") && $0.category != "transfer" }
            let income = entries.filter { $0.amountCents > 0 }.reduce(0) { $0 + $1.amountCents }
            let expense = entries.filter { $0.amountCents < 0 }.reduce(0) { $0 - $1.amountCents }
            ledger.recordSummary(MonthSummary(month: month, incomeCents: income, expenseCents: expense, netCents: income - expense))
        case .refund:
            let customer = params.string("customer") ?? ""
            let paid = ledger.invoices.filter { $0.customer == customer && $0.status == .paid }
            guard let latest = paid.max(by: { ($0.issued, $0.id) < ($1.issued, $1.id) }) else {
                throw ToolFailure("\(customer) has no paid invoice")
            }
            let amount = latest.paidCents * params.int("percent", default: 0, in: 0...100) / 100
            _ = try ledger.refund(invoice: latest.id, amountCents: amount, account: params.string("account") ?? "")
        case .payDueBills:
            try payDueBills(params, &ledger)
        case .categorize:
            try categorize(params, &ledger)
        case .lateFees:
            let percent = params.int("percent", default: 0, in: 0...100)
            for invoice in ledger.invoices
            where (invoice.status == .open || invoice.status == .partiallyPaid) && invoice.due < ledger.today {
                let fee = invoice.outstandingCents * percent / 100
                if fee > 0 {
                    _ = try ledger.addLine(invoice: invoice.id, line: InvoiceLine(description: "Late fee", quantity: 1, unitPriceCents: fee))
                }
            }
        case .writeOff:
            let days = params.int("days", default: 90, in: 0...10_000)
            for invoice in ledger.invoices
            where invoice.status == .open && invoice.paidCents == 0 && LedgerDate.days(from: invoice.due, to: ledger.today) > days {
                _ = try ledger.void(invoice: invoice.id, reason: params.string("reason") ?? "")
            }
        }
    }

    private func payDueBills(_ params: SuiteParams, _ ledger: inout Ledger) throws {
        let account = params.string("account") ?? ""
        let minimum = params.int("minimum_balance_cents", default: 0, in: 0...Int.max)
        let due = ledger.bills.filter { $0.isOpen && $0.due <= ledger.today }.sorted { ($0.due, $0.id) < ($1.due, $1.id) }
        for bill in due {
            let balance = ledger.accounts[try ledger.accountIndex(account)].balanceCents
            if balance - bill.amountCents >= minimum { _ = try ledger.pay(bill: bill.id, account: account) }
        }
    }

    private func categorize(_ params: SuiteParams, _ ledger: inout Ledger) throws {
        let rules = (params.values["rules"]?.arrayValue ?? []).compactMap { rule -> (String, String)? in
            guard let contains = rule["contains"]?.stringValue, let category = rule["category"]?.stringValue else { return nil }
            return (contains.lowercased(), category)
        }
        let fallback = params.string("fallback") ?? "other"
        for entry in ledger.transactions where entry.category == "uncategorized" {
            let description = entry.description.lowercased()
            let category = rules.first { description.contains($0.0) }?.1 ?? fallback
            _ = try ledger.categorize(transaction: entry.id, category: category)
        }
    }
}
