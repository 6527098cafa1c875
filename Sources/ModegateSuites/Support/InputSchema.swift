import ModegateCore

/// Builds the JSON Schemas of tool arguments, so every descriptor spells its schema the same way:
/// closed objects (`additionalProperties: false`, which the tools enforce too) with described properties.
enum InputSchema {
    static func object(_ properties: KeyValuePairs<String, JSONValue>, required: [String] = []) -> JSONValue {
        var members: [String: JSONValue] = [:]
        for (name, schema) in properties { members[name] = schema }
        return [
            "type": "object", "properties": .object(members),
            "required": .array(required.map(JSONValue.string)), "additionalProperties": false,
        ]
    }

    static func string(_ description: String) -> JSONValue {
        ["type": "string", "description": .string(description)]
    }

    static func date(_ description: String) -> JSONValue {
        ["type": "string", "description": .string(description), "pattern": "^\\d{4}-\\d{2}-\\d{2}$"]
    }

    static func integer(_ description: String, minimum: Int? = nil, maximum: Int? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["type": "integer", "description": .string(description)]
        if let minimum { members["minimum"] = .number(Double(minimum)) }
        if let maximum { members["maximum"] = .number(Double(maximum)) }
        return .object(members)
    }

    static func stringList(_ description: String) -> JSONValue {
        ["type": "array", "items": ["type": "string"], "description": .string(description)]
    }

    static func list(of item: JSONValue, _ description: String) -> JSONValue {
        ["type": "array", "items": item, "description": .string(description)]
    }
}
