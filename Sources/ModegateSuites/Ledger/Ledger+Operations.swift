/// The ledger's mutations, each checked the way bookkeeping software checks them: a failed
/// check throws before anything changes, so a rejected call leaves the books untouched.
extension Ledger {
    @discardableResult
    mutating func record(account: String, amountCents: Int, description: String, category: String, date: String? = nil)
        throws -> LedgerTransaction
    {
        let index = try accountIndex(account)
        guard amountCents != 0 else { throw ToolFailure("the amount must not be zero") }
        let day = try checkedDate(date)
        let entry = LedgerTransaction(
            id: nextTransactionID, date: day, accountID: account, amountCents: amountCents, description: description,
            category: category)
        transactions.append(entry)
        accounts[index].balanceCents += amountCents
        return entry
    }

    mutating func transfer(from source: String, to target: String, amountCents: Int, memo: String)
        throws -> [LedgerTransaction]
    {
        let sourceIndex = try accountIndex(source)
        _ = try accountIndex(target)
        guard source != target else { throw ToolFailure("cannot transfer from an account to itself") }
        guard amountCents > 0 else { throw ToolFailure("the amount must be positive") }
        guard accounts[sourceIndex].balanceCents >= amountCents else {
            throw ToolFailure("insufficient funds in '\(source)': balance \(accounts[sourceIndex].balanceCents) cents")
        }
        let out = try record(account: source, amountCents: -amountCents, description: "Transfer to \(target): \(memo)",
                             category: "transfer")
        let into = try record(account: target, amountCents: amountCents, description: "Transfer from \(source): \(memo)",
                              category: "transfer")
        return [out, into]
    }

    mutating func createInvoice(customer: String, lines: [InvoiceLine], due: String) throws -> LedgerInvoice {
        guard !customer.isEmpty else { throw ToolFailure("the customer must not be empty") }
        guard !lines.isEmpty else { throw ToolFailure("an invoice needs at least one line") }
        guard LedgerDate.isDate(due) else { throw ToolFailure("'\(due)' is not a date (YYYY-MM-DD)") }
        for line in lines where line.quantity < 1 || line.unitPriceCents < 0 {
            throw ToolFailure("line '\(line.description)' needs a quantity of at least 1 and a price of at least 0")
        }
        let invoice = LedgerInvoice(
            id: nextInvoiceID, customer: customer, issued: today, due: due, lines: lines, paidCents: 0, refundedCents: 0,
            status: .open, voidReason: nil)
        invoices.append(invoice)
        return invoice
    }

    mutating func recordPayment(invoice id: String, amountCents: Int, account: String, date: String? = nil)
        throws -> (LedgerInvoice, LedgerTransaction)
    {
        let index = try invoiceIndex(id)
        _ = try accountIndex(account)
        let invoice = invoices[index]
        guard invoice.status == .open || invoice.status == .partiallyPaid else {
            throw ToolFailure("invoice \(id) is \(invoice.status.rawValue); it takes no payments")
        }
        guard amountCents > 0 else { throw ToolFailure("the amount must be positive") }
        guard amountCents <= invoice.outstandingCents else {
            throw ToolFailure("payment of \(amountCents) cents exceeds the \(invoice.outstandingCents) cents outstanding on \(id)")
        }
        let entry = try record(account: account, amountCents: amountCents,
                               description: "Payment for \(id) (\(invoice.customer))", category: "income", date: date)
        invoices[index].paidCents += amountCents
        invoices[index].status = invoices[index].outstandingCents == 0 ? .paid : .partiallyPaid
        return (invoices[index], entry)
    }

    mutating func refund(invoice id: String, amountCents: Int, account: String) throws -> (LedgerInvoice, LedgerTransaction) {
        let index = try invoiceIndex(id)
        let accountPosition = try accountIndex(account)
        let invoice = invoices[index]
        guard amountCents > 0 else { throw ToolFailure("the amount must be positive") }
        guard invoice.refundedCents + amountCents <= invoice.paidCents else {
            throw ToolFailure("refund exceeds the \(invoice.paidCents - invoice.refundedCents) cents paid and not yet refunded on \(id)")
        }
        guard accounts[accountPosition].balanceCents >= amountCents else {
            throw ToolFailure("insufficient funds in '\(account)' for the refund")
        }
        let entry = try record(account: account, amountCents: -amountCents,
                               description: "Refund for \(id) (\(invoice.customer))", category: "refund")
        invoices[index].refundedCents += amountCents
        return (invoices[index], entry)
    }

    mutating func addLine(invoice id: String, line: InvoiceLine) throws -> LedgerInvoice {
        let index = try invoiceIndex(id)
        guard invoices[index].status == .open || invoices[index].status == .partiallyPaid else {
            throw ToolFailure("invoice \(id) is \(invoices[index].status.rawValue); its lines are final")
        }
        guard line.quantity >= 1, line.unitPriceCents >= 0 else {
            throw ToolFailure("a line needs a quantity of at least 1 and a price of at least 0")
        }
        invoices[index].lines.append(line)
        return invoices[index]
    }

    mutating func void(invoice id: String, reason: String) throws -> LedgerInvoice {
        let index = try invoiceIndex(id)
        guard invoices[index].status == .open, invoices[index].paidCents == 0 else {
            throw ToolFailure("only an open invoice with no payments can be voided; \(id) is \(invoices[index].status.rawValue)")
        }
        invoices[index].status = .void
        invoices[index].voidReason = reason
        return invoices[index]
    }

    mutating func pay(bill id: String, account: String) throws -> (LedgerBill, LedgerTransaction) {
        let index = try billIndex(id)
        let accountPosition = try accountIndex(account)
        let bill = bills[index]
        guard bill.isOpen else { throw ToolFailure("bill \(id) is already paid") }
        guard accounts[accountPosition].balanceCents >= bill.amountCents else {
            throw ToolFailure("insufficient funds in '\(account)' to pay \(id)")
        }
        let entry = try record(account: account, amountCents: -bill.amountCents,
                               description: "Bill \(id) (\(bill.vendor))", category: bill.category)
        bills[index].paidOn = today
        bills[index].paidFrom = account
        return (bills[index], entry)
    }

    mutating func categorize(transaction id: String, category: String) throws -> LedgerTransaction {
        let index = try transactionIndex(id)
        guard !category.isEmpty else { throw ToolFailure("the category must not be empty") }
        transactions[index].category = category
        return transactions[index]
    }

    /// One summary per month: recording a month again replaces it.
    mutating func recordSummary(_ summary: MonthSummary) {
        summaries.removeAll { $0.month == summary.month }
        summaries.append(summary)
        summaries.sort { $0.month < $1.month }
    }

    private func checkedDate(_ date: String?) throws -> String {
        guard let date else { return today }
        guard LedgerDate.isDate(date) else { throw ToolFailure("'\(date)' is not a date (YYYY-MM-DD)") }
        return date
    }
}
