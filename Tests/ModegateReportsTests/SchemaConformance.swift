import ModegateCore

/// Checks a JSON value against the part of JSON Schema 2020-12 that docs/verdict.schema.json
/// uses (type, const, enum, properties, additionalProperties, required, items, local $ref,
/// if/then on a const), and records which schema properties the value exercised, so a test can
/// also catch a schema that describes fields the code no longer writes.
struct SchemaConformance {
    let schema: JSONValue
    private(set) var problems: [String] = []
    /// Schema locations of the properties the checked values used, e.g. `$defs/gate/p_value`.
    private(set) var usedProperties: Set<String> = []

    init(schema: JSONValue) { self.schema = schema }

    /// Every property the schema describes, in the same spelling as `usedProperties`.
    var describedProperties: Set<String> {
        var names = Set<String>()
        func collect(_ node: JSONValue?, at location: String) {
            for (name, _) in node?["properties"]?.objectValue ?? [:] { names.insert("\(location)/\(name)") }
        }
        collect(schema, at: "#")
        for (name, node) in schema["$defs"]?.objectValue ?? [:] { collect(node, at: "$defs/\(name)") }
        return names
    }

    mutating func check(_ value: JSONValue) { check(value, against: schema, location: "#", path: "$") }

    private mutating func check(_ value: JSONValue, against node: JSONValue, location: String, path: String) {
        if let reference = node["$ref"]?.stringValue {
            let name = String(reference.dropFirst("#/$defs/".count))
            guard let target = schema["$defs"]?[name] else { return problems.append("\(path): unresolved \(reference)") }
            return check(value, against: target, location: "$defs/\(name)", path: path)
        }
        if let constant = node["const"], constant != value { problems.append("\(path): expected \(constant), got \(value)") }
        if let options = node["enum"]?.arrayValue, !options.contains(value) { problems.append("\(path): \(value) is not one of \(options)") }
        if let type = node["type"] {
            let allowed = type.arrayValue?.compactMap(\.stringValue) ?? [type.stringValue ?? ""]
            if !allowed.contains(where: { Self.matches(value, type: $0) }) { problems.append("\(path): \(value) is not \(allowed)") }
        }
        if case .array(let items) = value, let itemSchema = node["items"] {
            for (index, item) in items.enumerated() { check(item, against: itemSchema, location: location, path: "\(path)[\(index)]") }
        }
        guard case .object(let members) = value else { return }
        let properties = node["properties"]?.objectValue ?? [:]
        var required = node["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        if let condition = node["if"]?["properties"]?.objectValue, condition.allSatisfy({ members[$0.key] == $0.value["const"] }) {
            required += node["then"]?["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        for key in required where members[key] == nil { problems.append("\(path): missing required '\(key)'") }
        for (key, member) in members {
            guard let propertySchema = properties[key] else {
                // A map (`{"syntax_error": 4}`): every value against `additionalProperties`.
                if case .object = node["additionalProperties"], let valueSchema = node["additionalProperties"] {
                    check(member, against: valueSchema, location: location, path: "\(path).\(key)")
                } else {
                    problems.append("\(path).\(key): not described by the schema")
                }
                continue
            }
            usedProperties.insert("\(location)/\(key)")
            check(member, against: propertySchema, location: location, path: "\(path).\(key)")
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("null", .null), ("boolean", .bool), ("string", .string), ("array", .array), ("object", .object): true
        case ("number", .number): true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
