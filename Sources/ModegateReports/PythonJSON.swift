/// A JSON value written byte for byte as Python's `json.dumps(value, indent=2)` writes it, for the
/// RLM Code compatible output: keys stay in the order given, floats use Python's `repr`, and
/// non-ASCII text is escaped (`ensure_ascii`). Non-finite floats are written as Python writes them
/// (`NaN`, `Infinity`), which strict JSON parsers reject, exactly like RLM Code's own output.
enum PythonJSON {
    case object([(String, PythonJSON)])
    case string(String)
    case float(Double)
    case int(Int)
    case bool(Bool)

    /// The document with two-space indentation and no trailing newline.
    func text(indent: Int = 0) -> String {
        switch self {
        case .object(let members):
            guard !members.isEmpty else { return "{}" }
            let inner = String(repeating: " ", count: indent + 2)
            let body = members.map { "\(inner)\(Self.quote($0.0)): \($0.1.text(indent: indent + 2))" }
            return "{\n" + body.joined(separator: ",\n") + "\n" + String(repeating: " ", count: indent) + "}"
        case .string(let value): return Self.quote(value)
        case .float(let value): return Self.repr(value)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        }
    }

    /// A float as `json.dumps` writes it: Python's `repr(float)`, with `NaN` and `Infinity` for the
    /// non-finite values. Swift's `description` is the same shortest round-trip form with the
    /// same exponent style, except that Swift switches to an exponent at 2^53 and Python only at
    /// 1e16: in between, Python writes all the digits (`9007199254740992.0`, not `9.007…e+15`).
    static func repr(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        let swift = value.description
        guard abs(value) >= 1, abs(value) < 1e16, let exponentMark = swift.firstIndex(of: "e"),
            let exponent = Int(swift[swift.index(after: exponentMark)...])
        else { return swift }
        // Here the value is an integer in [2^53, 1e16): spell the mantissa's digits out in full.
        let mantissa = swift[..<exponentMark]
        let sign = mantissa.hasPrefix("-") ? "-" : ""
        let digits = mantissa.filter(\.isNumber)
        let padding = String(repeating: "0", count: max(0, exponent + 1 - digits.count))
        return sign + digits + padding + ".0"
    }

    /// A JSON string as `json.dumps` writes it with `ensure_ascii=True`.
    static func quote(_ text: String) -> String {
        var quoted = "\""
        for unit in text.utf16 {
            switch unit {
            case 0x22: quoted += "\\\""
            case 0x5C: quoted += "\\\\"
            case 0x0A: quoted += "\\n"
            case 0x0D: quoted += "\\r"
            case 0x09: quoted += "\\t"
            case 0x08: quoted += "\\b"
            case 0x0C: quoted += "\\f"
            case 0x20...0x7E: quoted.unicodeScalars.append(Unicode.Scalar(UInt8(unit)))
            default:
                // Every other unit, surrogate halves included, as \uXXXX in lower-case hex.
                let hex = String(unit, radix: 16)
                quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
        }
        return quoted + "\""
    }
}
