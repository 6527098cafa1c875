/// Every message a gate file diagnostic can carry, in one place so wording stays consistent.
enum GateMessage {
    static func cannotRead(_ reason: String) -> String { "cannot read the gate file: \(reason)" }
    static let notUTF8 = "the gate file is not valid UTF-8 text"
    static let emptyFile = "the gate file is empty; it needs at least 'version: 1' and 'workload: {presets: [...]}'"
    static func rootNotMapping(found: String) -> String {
        "a gate file must be a mapping of keys such as 'version' and 'workload', found \(found)"
    }

    static func invalidYAML(_ problem: String, context: String?) -> String {
        guard let context else { return "invalid YAML: \(problem)" }
        return "invalid YAML: \(problem) (\(context))"
    }
    static let tabIndentation = "invalid YAML: tab characters cannot indent YAML; use spaces"
    static func secondDocument(_ documentName: String) -> String {
        "a \(documentName) holds one YAML document, but a second one starts here"
    }

    static func unknownKey(_ key: String, suggestion: String?, allowed: [String]) -> String {
        if let suggestion { return "unknown key '\(key)' (did you mean '\(suggestion)'?)" }
        return "unknown key '\(key)'; expected one of \(allowed.joined(separator: ", "))"
    }
    static func duplicateKey(_ key: String, firstLine: Int) -> String {
        "duplicate key '\(key)' (first defined at line \(firstLine))"
    }
    /// When the duplicate could not be located (a tagged or aliased key), name the first occurrence.
    static func repeatedKey(_ key: String) -> String { "key '\(key)' is defined more than once in this mapping" }
    static func nonStringKey(found: String) -> String { "keys must be plain strings, found \(found)" }
    static func missingKey(_ key: String) -> String { "missing required key '\(key)'" }
    static func missingVersion(_ supported: Int) -> String {
        "missing required key 'version'; add 'version: \(supported)' at the top of the file"
    }

    static func typeMismatch(expected: String, found: String) -> String { "expected \(expected), found \(found)" }
    static func notInEnum(_ value: String, allowed: [String], suggestion: String?) -> String {
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        return "'\(value)' is not one of \(allowed.joined(separator: ", "))\(hint)"
    }
    static func outOfRange(minimum: String?, maximum: String?, found: String) -> String {
        switch (minimum, maximum) {
        case let (low?, high?): "must be between \(low) and \(high), found \(found)"
        case let (low?, nil): "must be at least \(low), found \(found)"
        case let (nil, high?): "must be at most \(high), found \(found)"
        case (nil, nil): "must be a finite number, found \(found)"
        }
    }
    static func notFinite(found: String) -> String { "must be a finite number, found \(found)" }
    static func stringRule(_ meaning: String, found: String) -> String { "must be \(meaning), found '\(found)'" }
    static func tooFewItems(_ minimum: Int) -> String {
        "must list at least \(minimum) item\(minimum == 1 ? "" : "s"), found none"
    }
    static func unsupportedVersion(_ found: String, supported: Int) -> String {
        "unsupported version \(found); this modegate reads version \(supported)"
    }
    static let aliasUnsupported = "YAML aliases cannot be used here"
    static func kindNeedsKeys(_ name: String, key: String, keys: [String]) -> String {
        let list = keys.map { "\($0): …" }.joined(separator: ", ")
        return "'\(name)' needs \(keys.joined(separator: " and ")); write it as a mapping {\(key): \(name), \(list)}"
    }

    // Cross-field rules.
    static func addedServersNeedMCP(arm: String) -> String {
        "\(arm) adds MCP servers with mcp_servers, but mcp.enabled is false; set mcp: {enabled: true}"
    }
    static func instructionsTwice(arm: String) -> String {
        "\(arm) sets both instructions and instructions_file; keep one (inline text, or a file holding it)"
    }
    static func instructionsFileUnreadable(_ path: String, resolved: String) -> String {
        "instructions_file '\(path)' cannot be read (looked for \(resolved), relative to the gate file); fix the path or write the text under instructions"
    }
    static func runtimeNeedsServer(arm: String) -> String {
        "\(arm) has runtime: mcp, which needs 'mcp_server' naming a server in mcp.servers"
    }
    static func unknownServer(_ name: String, defined: [String], suggestion: String?) -> String {
        let hint = suggestion.map { " (did you mean '\($0)'?)" } ?? ""
        let list = defined.isEmpty
            ? "mcp.servers defines none" : "mcp.servers defines \(defined.joined(separator: ", "))"
        return "MCP server '\(name)' is not defined; \(list)\(hint)"
    }
    static func serverTransport(_ name: String, both: Bool) -> String {
        both
            ? "MCP server '\(name)' sets both 'command' and 'url'; set exactly one"
            : "MCP server '\(name)' sets neither 'command' nor 'url'; set exactly one"
    }
    static func badErrorPattern(_ pattern: String) -> String {
        "error_pattern '\(pattern)' is not a valid regular expression"
    }
    static func providerNeeds(_ provider: String, key: String, meaning: String) -> String {
        "provider '\(provider)' needs '\(key)' (\(meaning))"
    }
    static let sequentialNeedsStatistical =
        "sequential judging needs judgement.mode: statistical (point mode has no intervals to stop on); set mode: statistical or remove sequential"
    static let sequentialNoP95 =
        "sequential judging cannot judge max_p95_latency_increase_ratio (a quantile's ratio has no confidence sequence); set it to null or remove sequential"
    static let sequentialNoPerPreset =
        "sequential judging cannot count per-preset gates (thresholds.per_preset: its stopping rule watches the overall gates, and fixed-size per-preset intervals after an early stop lose their coverage); set thresholds.per_preset: false or remove sequential"
    static func reportNeedsPath(_ format: String) -> String { "report format '\(format)' needs a 'path' to write to" }
    static func reportPathReused(_ path: String, first: String) -> String {
        "report path '\(path)' is already written by \(first)"
    }
    static func planMismatch(_ detail: String) -> String {
        "internal error: the validated gate does not match the plan types (\(detail)); please report this"
    }
}
