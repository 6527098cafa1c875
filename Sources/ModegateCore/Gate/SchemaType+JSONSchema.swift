extension GateSchema {
    /// The gate file as a JSON Schema (draft 2020-12), published as `docs/gate.schema.json` for editors
    /// and other tools. Cross-field rules (e.g. `runtime: mcp` needs `mcp_server`) are checked by the
    /// loader only and described in `docs/gate-file.md`.
    public static func jsonSchema() -> JSONValue {
        var schema = SchemaType.object(root).jsonSchemaMembers()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        return .object(schema)
    }
}

extension SchemaType {
    func jsonSchemaMembers() -> [String: JSONValue] {
        switch self {
        case .object(let object):
            return object.jsonSchemaMembers()
        case .map(let keys, let values):
            return [
                "type": "object",
                "propertyNames": .object(keys.jsonSchemaMembers()),
                "additionalProperties": .object(values.jsonSchemaMembers()),
            ]
        case .string(let rule):
            return rule.jsonSchemaMembers()
        case .stringEnum(let allowed):
            return ["type": "string", "enum": .array(allowed.map(JSONValue.string))]
        case .integer(let minimum, let maximum):
            return Self.bounded("integer", minimum.map(Double.init), maximum.map(Double.init))
        case .number(let minimum, let maximum):
            return Self.bounded("number", minimum, maximum)
        case .boolean:
            return ["type": "boolean"]
        case .array(let item, let minItems):
            var members: [String: JSONValue] = ["type": "array", "items": .object(item.jsonSchemaMembers())]
            if minItems > 0 { members["minItems"] = .number(Double(minItems)) }
            return members
        case .nullable(let inner):
            var members = inner.jsonSchemaMembers()
            // `type` as a list accepts null while keeping every other keyword, which only constrains
            // values of its own type.
            if let type = members["type"]?.stringValue { members["type"] = [.string(type), "null"] }
            if case .array(let allowed)? = members["enum"] { members["enum"] = .array(allowed + [.null]) }
            return members
        case .formatVersion(let supported):
            return ["type": "integer", "const": .number(Double(supported))]
        case .any:
            return [:]
        case .scalarOrObject(let scalar, let object):
            return ["oneOf": [.object(scalar.jsonSchemaMembers()), .object(object.jsonSchemaMembers())]]
        case .tagged(let union):
            var choices: [JSONValue] = []
            if !union.bareNames.isEmpty {
                choices.append(["type": "string", "enum": .array(union.bareNames.map(JSONValue.string))])
            }
            for variant in union.variants {
                var members = union.object(for: variant).jsonSchemaMembers()
                if case .object(var properties)? = members["properties"] {
                    properties[union.key] = ["const": .string(variant.name)]
                    members["properties"] = .object(properties)
                }
                choices.append(.object(members))
            }
            return ["oneOf": .array(choices)]
        }
    }

    private static func bounded(_ type: String, _ minimum: Double?, _ maximum: Double?) -> [String: JSONValue] {
        var members: [String: JSONValue] = ["type": .string(type)]
        if let minimum { members["minimum"] = .number(minimum) }
        if let maximum { members["maximum"] = .number(maximum) }
        return members
    }
}

extension SchemaObject {
    func jsonSchemaMembers() -> [String: JSONValue] {
        var properties: [String: JSONValue] = [:]
        for field in fields {
            var property = field.type.jsonSchemaMembers()
            property["description"] = .string(field.description)
            if let value = field.defaultValue { property["default"] = value }
            properties[field.name] = .object(property)
        }
        var members: [String: JSONValue] = [
            "type": "object",
            "title": .string(title),
            "description": .string(description),
            "properties": .object(properties),
            "additionalProperties": false,
        ]
        let required = fields.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { members["required"] = .array(required) }
        return members
    }
}

extension StringRule {
    func jsonSchemaMembers() -> [String: JSONValue] {
        var members: [String: JSONValue] = ["type": "string"]
        if let pattern { members["pattern"] = .string(pattern) }
        if minLength > 0 { members["minLength"] = .number(Double(minLength)) }
        return members
    }
}
