import ModegateCore

/// A small synthetic Python project (`src/shop/…`, `tests/…`, `config/settings.toml`) and the
/// facts it was generated from: where each function is defined, every call site, every read of
/// a setting, every TODO. The oracle answers from the facts; a program must find them in the text.
struct SourceTree: Sendable {
    struct File: Sendable {
        var path: String
        var lines: [String]
        var content: String { lines.joined(separator: "\n") + "\n" }
    }

    struct Definition: Sendable, Hashable {
        var function: String
        var module: String
        var path: String
        var line: Int
    }

    struct CallSite: Sendable, Hashable {
        /// The enclosing function, or nil for module-level code and tests' own functions.
        var caller: String?
        var callee: String
        var path: String
        var line: Int
    }

    struct SettingRead: Sendable, Hashable {
        var function: String
        var field: String
        var path: String
    }

    var files: [File]
    var definitions: [String: Definition]
    var calls: [CallSite]
    var settingReads: [SettingRead]
    /// `from shop import A, B` lines: file path → imported modules.
    var imports: [String: [String]]
    var todos: [String: Int]
    /// `config/settings.toml` values, as JSON (numbers or strings).
    var settings: [String: JSONValue]

    static let package = "shop"
    static let modules = ["billing", "catalog", "checkout", "inventory", "notify", "reports", "storage", "users"]
    /// No name is a suffix of another, so `NAME(` finds only calls of NAME.
    static let functions = [
        "compute_total", "apply_discount", "format_invoice", "load_catalog", "find_product", "price_for",
        "start_checkout", "validate_cart", "charge_card", "reserve_stock", "release_stock", "count_stock",
        "send_email", "queue_sms", "render_template", "build_report", "export_csv", "summarize_sales",
        "open_connection", "read_record", "write_record", "create_user", "hash_password", "retry_with_backoff",
    ]
    static let settingFields = ["timeout_ms", "retry_limit", "currency", "tax_rate", "smtp_host", "batch_size",
                                "cache_ttl", "region"]
}
