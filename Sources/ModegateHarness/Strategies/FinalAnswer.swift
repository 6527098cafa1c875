import Foundation
import ModegateCore

/// The final answer in the last assistant message: bare JSON, or the first fenced ```json block.
enum FinalAnswer {
    /// The answer to a case whose schema is `{type: string}` may also be prose: a message that
    /// is not JSON is then the string itself (a JSON string still reads as JSON).
    static func parse(_ text: String, schema: JSONValue) -> JSONValue? {
        if let value = parse(text) { return value }
        guard schema["type"]?.stringValue == "string" else { return nil }
        return .string(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    static func parse(_ text: String) -> JSONValue? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if let value = try? JSONValue.parse(trimmed) { return value }
        guard let open = trimmed.range(of: "```") else { return nil }
        var body = trimmed[open.upperBound...]
        // Skip a language tag such as `json` on the fence line.
        if let newline = body.firstIndex(of: "\n") { body = body[body.index(after: newline)...] }
        guard let close = body.range(of: "```") else { return nil }
        return try? JSONValue.parse(String(body[..<close.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
