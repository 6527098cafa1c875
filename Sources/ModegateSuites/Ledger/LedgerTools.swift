import ModegateCore

/// The ledger's tool descriptors. Money is in integer cents everywhere; ids are sequential.
enum LedgerTools {
    private static func cents(_ text: String) -> JSONValue { InputSchema.integer(text + " In cents.", minimum: 1) }
    private static let account = InputSchema.string("Account id: operating, savings, payroll or tax_reserve.")
    private static let invoice = InputSchema.string("Invoice id, e.g. INV-1003.")

    /// Every tool, with the shape of its result.
    static let descriptors = written.map { tool in
        var tool = tool
        tool.outputSchema = results[tool.name]
        return tool
    }

    private static let written = [
        ToolDescriptor(
            name: "list_accounts", description: "Lists the accounts with balances: {as_of, accounts: [{id, name, balance_cents}]}.",
            inputSchema: InputSchema.object([:])),
        ToolDescriptor(
            name: "list_transactions",
            description: "Lists transactions oldest first: {transactions: [{id, date, account_id, amount_cents, description, "
                + "category}]}; amounts are negative for money out. Filters combine.",
            inputSchema: InputSchema.object(
                ["account_id": account, "month": InputSchema.string("Only this month, YYYY-MM."),
                 "category": InputSchema.string("Only this category, e.g. uncategorized.")])),
        ToolDescriptor(
            name: "record_transaction",
            description: "Records money in (positive) or out (negative) of an account: {transaction}. Date defaults to today.",
            inputSchema: InputSchema.object(
                ["account_id": account, "amount_cents": InputSchema.integer("Signed amount in cents, not zero."),
                 "description": InputSchema.string("What it was."), "category": InputSchema.string("Category."),
                 "date": InputSchema.date("YYYY-MM-DD; defaults to today.")],
                required: ["account_id", "amount_cents", "description", "category"])),
        ToolDescriptor(
            name: "categorize_transaction", description: "Sets a transaction's category: {transaction}.",
            inputSchema: InputSchema.object(
                ["transaction_id": InputSchema.string("Transaction id, e.g. TX-0007."),
                 "category": InputSchema.string("New category.")],
                required: ["transaction_id", "category"])),
        ToolDescriptor(
            name: "transfer",
            description: "Moves money between accounts, dated today: {transactions: [out, in]}, described "
                + "'Transfer to TARGET: MEMO' and 'Transfer from SOURCE: MEMO', category transfer. Fails on insufficient funds.",
            inputSchema: InputSchema.object(
                ["from_account_id": account, "to_account_id": account, "amount_cents": cents("Amount."),
                 "memo": InputSchema.string("Why.")],
                required: ["from_account_id", "to_account_id", "amount_cents", "memo"])),
        ToolDescriptor(
            name: "list_invoices",
            description: "Lists invoices by id: {invoices: [{id, customer, issued, due, lines, total_cents, paid_cents, "
                + "refunded_cents, status, void_reason}]}. Status is open, partially_paid, paid or void.",
            inputSchema: InputSchema.object(
                ["status": ["type": "string", "enum": ["open", "partially_paid", "paid", "void"]],
                 "customer": InputSchema.string("Only this customer, exactly as written.")])),
        ToolDescriptor(
            name: "create_invoice", description: "Creates an open invoice issued today: {invoice}.",
            inputSchema: InputSchema.object(
                ["customer": InputSchema.string("Customer name."),
                 "lines": InputSchema.list(of: InputSchema.object(
                     ["description": InputSchema.string("Line text."),
                      "quantity": InputSchema.integer("How many.", minimum: 1),
                      "unit_price_cents": InputSchema.integer("Price of one, in cents.", minimum: 0)],
                     required: ["description", "quantity", "unit_price_cents"]), "Invoice lines."),
                 "due_date": InputSchema.date("YYYY-MM-DD.")],
                required: ["customer", "lines", "due_date"])),
        ToolDescriptor(
            name: "record_payment",
            description: "Records a customer's payment on an open or partially paid invoice, deposited into an account "
                + "(category income): {invoice, transaction}. Fails if it exceeds what is outstanding.",
            inputSchema: InputSchema.object(
                ["invoice_id": invoice, "amount_cents": cents("Amount paid."), "account_id": account,
                 "date": InputSchema.date("YYYY-MM-DD; defaults to today.")],
                required: ["invoice_id", "amount_cents", "account_id"])),
        ToolDescriptor(
            name: "refund_payment",
            description: "Refunds part of what was paid on an invoice from an account (category refund): {invoice, transaction}.",
            inputSchema: InputSchema.object(
                ["invoice_id": invoice, "amount_cents": cents("Amount refunded."), "account_id": account],
                required: ["invoice_id", "amount_cents", "account_id"])),
        ToolDescriptor(
            name: "add_invoice_line", description: "Adds a line to an open or partially paid invoice: {invoice}.",
            inputSchema: InputSchema.object(
                ["invoice_id": invoice, "description": InputSchema.string("Line text."),
                 "quantity": InputSchema.integer("How many.", minimum: 1),
                 "unit_price_cents": InputSchema.integer("Price of one, in cents.", minimum: 0)],
                required: ["invoice_id", "description", "quantity", "unit_price_cents"])),
        ToolDescriptor(
            name: "void_invoice", description: "Voids an open invoice that has no payments: {invoice}.",
            inputSchema: InputSchema.object(
                ["invoice_id": invoice, "reason": InputSchema.string("Why it is voided.")],
                required: ["invoice_id", "reason"])),
        ToolDescriptor(
            name: "list_bills",
            description: "Lists vendor bills by id: {bills: [{id, vendor, category, due, amount_cents, status, paid_on, paid_from}]}.",
            inputSchema: InputSchema.object(["status": ["type": "string", "enum": ["open", "paid"]]])),
        ToolDescriptor(
            name: "pay_bill",
            description: "Pays an open bill in full from an account, dated today, in the bill's category: {bill, transaction}. "
                + "Fails on insufficient funds.",
            inputSchema: InputSchema.object(["bill_id": InputSchema.string("Bill id, e.g. BILL-503."), "account_id": account],
                                            required: ["bill_id", "account_id"])),
        ToolDescriptor(
            name: "record_month_summary",
            description: "Records (or replaces) a month-end summary: {summary}.",
            inputSchema: InputSchema.object(
                ["month": InputSchema.string("YYYY-MM."),
                 "income_cents": InputSchema.integer("Money in.", minimum: 0),
                 "expense_cents": InputSchema.integer("Money out, as a positive number.", minimum: 0),
                 "net_cents": InputSchema.integer("Income minus expenses.")],
                required: ["month", "income_cents", "expense_cents", "net_cents"])),
    ]

    /// The ledger's records as results carry them.
    private enum Shape {
        static let transaction = OutputSchema.object([
            "id": OutputSchema.string, "date": OutputSchema.date, "account_id": OutputSchema.string,
            "amount_cents": OutputSchema.integer, "description": OutputSchema.string, "category": OutputSchema.string,
        ])
        static let invoice = OutputSchema.object([
            "id": OutputSchema.string, "customer": OutputSchema.string, "issued": OutputSchema.date, "due": OutputSchema.date,
            "lines": OutputSchema.array(of: OutputSchema.object([
                "description": OutputSchema.string, "quantity": OutputSchema.integer, "unit_price_cents": OutputSchema.integer,
            ])),
            "total_cents": OutputSchema.integer, "paid_cents": OutputSchema.integer, "refunded_cents": OutputSchema.integer,
            "status": OutputSchema.oneOf(["open", "partially_paid", "paid", "void"]),
            "void_reason": OutputSchema.nullable(OutputSchema.string),
        ])
        static let bill = OutputSchema.object([
            "id": OutputSchema.string, "vendor": OutputSchema.string, "category": OutputSchema.string, "due": OutputSchema.date,
            "amount_cents": OutputSchema.integer, "status": OutputSchema.oneOf(["open", "paid"]),
            "paid_on": OutputSchema.nullable(OutputSchema.date), "paid_from": OutputSchema.nullable(OutputSchema.string),
        ])
    }

    /// Each tool's result, by tool name.
    private static let results: [String: JSONValue] = [
        "list_accounts": OutputSchema.object([
            "as_of": OutputSchema.date,
            "accounts": OutputSchema.array(of: OutputSchema.object([
                "id": OutputSchema.string, "name": OutputSchema.string, "balance_cents": OutputSchema.integer,
            ])),
        ]),
        "list_transactions": OutputSchema.object(["transactions": OutputSchema.array(of: Shape.transaction)]),
        "record_transaction": OutputSchema.object(["transaction": Shape.transaction]),
        "categorize_transaction": OutputSchema.object(["transaction": Shape.transaction]),
        "transfer": OutputSchema.object(["transactions": OutputSchema.array(of: Shape.transaction)]),
        "list_invoices": OutputSchema.object(["invoices": OutputSchema.array(of: Shape.invoice)]),
        "create_invoice": OutputSchema.object(["invoice": Shape.invoice]),
        "record_payment": OutputSchema.object(["invoice": Shape.invoice, "transaction": Shape.transaction]),
        "refund_payment": OutputSchema.object(["invoice": Shape.invoice, "transaction": Shape.transaction]),
        "add_invoice_line": OutputSchema.object(["invoice": Shape.invoice]),
        "void_invoice": OutputSchema.object(["invoice": Shape.invoice]),
        "list_bills": OutputSchema.object(["bills": OutputSchema.array(of: Shape.bill)]),
        "pay_bill": OutputSchema.object(["bill": Shape.bill, "transaction": Shape.transaction]),
        "record_month_summary": OutputSchema.object([
            "summary": OutputSchema.object([
                "month": OutputSchema.string, "income_cents": OutputSchema.integer, "expense_cents": OutputSchema.integer,
                "net_cents": OutputSchema.integer,
            ]),
        ]),
    ]

    /// Each tool's argument names, from its schema: the tools accept exactly what they document.
    static let argumentNames: [String: Set<String>] = Dictionary(uniqueKeysWithValues: descriptors.map { tool in
        (tool.name, Set(tool.inputSchema["properties"]?.objectValue?.keys.map { $0 } ?? []))
    })
}
