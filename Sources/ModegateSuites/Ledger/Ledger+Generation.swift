import ModegateCore

/// The books a ledger case starts from, generated from its seed: four accounts, a dozen invoices
/// in every state (some long overdue), vendor bills around "today", and three months of history
/// with uncategorized entries and transfers.
extension Ledger {
    static let today = "2024-04-05"

    static let customers = [
        "Acme Corp", "Birch & Co", "Cobalt Labs", "Delta Bakery", "Evergreen Clinic", "Fjord Freight", "Granite Legal",
        "Harbor Cafe",
    ]
    private static let services = ["Consulting", "Design sprint", "Support plan", "Training day", "Data migration",
                                   "Audit"]
    private static let vendors: [(vendor: String, category: String)] = [
        ("Landlord LLC", "rent"), ("City Power", "utilities"), ("Fiberlink", "internet"), ("Paperworks", "office"),
        ("CloudHost", "software"), ("Insure Co", "insurance"), ("Cleanly", "cleaning"), ("Tax Agency", "taxes"),
    ]
    private static let merchants: [(description: String, category: String)] = [
        ("AWS invoice", "software"), ("Uber ride", "travel"), ("Office Depot", "office"),
        ("Google Workspace", "software"), ("Delta Airlines", "travel"), ("Staples", "office"), ("Zoom", "software"),
        ("Lyft ride", "travel"), ("Team lunch", "meals"), ("Coffee beans", "meals"),
    ]

    static func generated(seed: Int) -> Ledger {
        var generator = SeededGenerator.stream(seed, 1)
        let accounts = [
            LedgerAccount(id: "operating", name: "Operating", balanceCents: generator.int(in: 120...250) * 10_000),
            LedgerAccount(id: "savings", name: "Savings", balanceCents: generator.int(in: 50...150) * 10_000),
            LedgerAccount(id: "payroll", name: "Payroll", balanceCents: generator.int(in: 5...30) * 10_000),
            LedgerAccount(id: "tax_reserve", name: "Tax reserve", balanceCents: generator.int(in: 10...40) * 10_000),
        ]
        var ledger = Ledger(today: today, accounts: accounts, invoices: [], bills: [], transactions: [], summaries: [])
        ledger.invoices = (0..<12).map { invoice(number: $0, &generator) }
        ledger.bills = vendors.enumerated().map { bill(number: $0.offset, $0.element, &generator) }
        ledger.transactions = history(&generator)
        return ledger
    }

    private static func invoice(number: Int, _ generator: inout SeededGenerator) -> LedgerInvoice {
        let issued = LedgerDate.adding(generator.int(in: 0...150), to: "2023-11-01")
        let lines = (0..<generator.int(in: 1...3)).map { _ in
            InvoiceLine(description: generator.pick(services), quantity: generator.int(in: 1...10),
                        unitPriceCents: generator.int(in: 50...1500) * 100)
        }
        var invoice = LedgerInvoice(
            id: "INV-" + String(1001 + number), customer: generator.pick(customers), issued: issued,
            due: LedgerDate.adding(30, to: issued), lines: lines, paidCents: 0, refundedCents: 0, status: .open,
            voidReason: nil)
        let roll = generator.unit()
        if roll < 0.4 {
            invoice.paidCents = invoice.totalCents
            invoice.status = .paid
        } else if roll < 0.6 {
            invoice.paidCents = invoice.totalCents / 200 * 100
            invoice.status = invoice.paidCents > 0 ? .partiallyPaid : .open
        }
        return invoice
    }

    private static func bill(number: Int, _ vendor: (vendor: String, category: String), _ generator: inout SeededGenerator)
        -> LedgerBill
    {
        let due = LedgerDate.adding(generator.int(in: 0...35), to: "2024-03-05")
        var bill = LedgerBill(id: "BILL-" + String(501 + number), vendor: vendor.vendor, category: vendor.category,
                              due: due, amountCents: generator.int(in: 200...4000) * 100, paidOn: nil, paidFrom: nil)
        if generator.chance(0.25) {
            bill.paidOn = due
            bill.paidFrom = "operating"
        }
        return bill
    }

    /// Forty-odd entries over January to March, numbered in date order.
    private static func history(_ generator: inout SeededGenerator) -> [LedgerTransaction] {
        var entries: [(date: String, account: String, amount: Int, description: String, category: String)] = []
        for _ in 0..<36 {
            let date = LedgerDate.adding(generator.int(in: 0...90), to: "2024-01-01")
            let roll = generator.unit()
            if roll < 0.3 {
                let source = generator.pick(["Card settlement", "Wire from client", "Stripe payout"])
                entries.append((date, "operating", generator.int(in: 100...2000) * 100, source, "income"))
            } else if roll < 0.85 {
                let merchant = generator.pick(merchants)
                let category = generator.chance(0.35) ? "uncategorized" : merchant.category
                entries.append((date, "operating", -generator.int(in: 5...900) * 100, merchant.description, category))
            } else {
                let target = generator.pick(["savings", "payroll", "tax_reserve"])
                let amount = generator.int(in: 10...200) * 1000
                entries.append((date, "operating", -amount, "Transfer to \(target): scheduled", "transfer"))
                entries.append((date, target, amount, "Transfer from operating: scheduled", "transfer"))
            }
        }
        // A stable sort keeps the two legs of a transfer together and in order.
        let ordered = entries.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
        return ordered.enumerated().map { number, item in
            LedgerTransaction(
                id: "TX-" + LedgerDate.padded(number + 1, 4), date: item.element.date, accountID: item.element.account,
                amountCents: item.element.amount, description: item.element.description, category: item.element.category)
        }
    }
}
