import ModegateCore

/// Builds the JSON Schemas of tool results (MCP's `outputSchema`), so a tool states the exact
/// shape of its `structuredContent`: closed objects whose every field is present (the suites
/// always write every field, `null` included), so a Code Mode model's typed API shows return
/// types and the run checks each reply against them.
enum OutputSchema {
    static let string: JSONValue = ["type": "string"]
    static let integer: JSONValue = ["type": "integer"]
    static let number: JSONValue = ["type": "number"]
    static let boolean: JSONValue = ["type": "boolean"]
    /// A date as the suites write it, `YYYY-MM-DD`.
    static let date: JSONValue = ["type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$"]

    /// A closed object; every field is required.
    static func object(_ properties: KeyValuePairs<String, JSONValue>) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (name, schema) in properties { members[name] = schema }
        return [
            "type": "object", "properties": .object(members),
            "required": .array(properties.map { JSONValue.string($0.key) }), "additionalProperties": false,
        ]
    }

    static func array(of item: JSONValue) -> JSONValue { ["type": "array", "items": item] }

    /// One of the given strings.
    static func oneOf(_ values: [String]) -> JSONValue { ["type": "string", "enum": .array(values.map(JSONValue.string))] }

    /// A scalar schema that may also be `null` (`{"type": ["string", "null"]}`).
    static func nullable(_ schema: JSONValue) -> JSONValue {
        guard case .object(var members) = schema, let type = members["type"]?.stringValue else { return schema }
        members["type"] = [.string(type), "null"]
        return .object(members)
    }

    /// Lines found by a literal search: `{matches: [{path, line, text}], truncated}`.
    static let matches = object([
        "matches": array(of: object(["path": string, "line": integer, "text": string])), "truncated": boolean,
    ])
}
