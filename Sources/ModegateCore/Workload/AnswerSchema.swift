/// Checks a final answer against a case's `answer_schema`: the JSON Schema keywords answer schemas
/// use (type, properties, required, additionalProperties, items, enum, const, minItems, maxItems,
/// minimum, maximum, minLength, maxLength). Unknown keywords are ignored, as JSON Schema says.
public struct AnswerSchema: Sendable {
    /// The case's `answer_schema`, as written.
    public let schema: JSONValue

    /// A checker for `schema`.
    public init(_ schema: JSONValue) { self.schema = schema }

    /// The first problem found, as `path: message`, or nil when the answer conforms.
    public func problem(with value: JSONValue) -> String? {
        Self.check(value, against: schema, path: "answer")
    }

    static func check(_ value: JSONValue, against schema: JSONValue, path: String) -> String? {
        guard case .object(let rules) = schema else { return nil }
        if let types = rules["type"], !matches(value, types) {
            return "\(path): expected \(describe(types)), found \(kind(of: value))"
        }
        if let allowed = rules["enum"]?.arrayValue, !allowed.contains(value) { return "\(path): not one of the allowed values" }
        if let constant = rules["const"], constant != value { return "\(path): must equal \(constant.jsonText)" }
        switch value {
        case .object(let members):
            for name in rules["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where members[name] == nil {
                return "\(path): missing required field '\(name)'"
            }
            let properties = rules["properties"]?.objectValue ?? [:]
            for (name, member) in members.sorted(by: { $0.key < $1.key }) {
                if let rule = properties[name] {
                    if let problem = check(member, against: rule, path: "\(path).\(name)") { return problem }
                } else if rules["additionalProperties"] == .bool(false) {
                    return "\(path): unexpected field '\(name)'"
                } else if let extra = rules["additionalProperties"], case .object = extra,
                    let problem = check(member, against: extra, path: "\(path).\(name)")
                {
                    return problem
                }
            }
        case .array(let items):
            if let minimum = rules["minItems"]?.intValue, items.count < minimum { return "\(path): fewer than \(minimum) items" }
            if let maximum = rules["maxItems"]?.intValue, items.count > maximum { return "\(path): more than \(maximum) items" }
            if let itemRule = rules["items"] {
                for (index, item) in items.enumerated() {
                    if let problem = check(item, against: itemRule, path: "\(path)[\(index)]") { return problem }
                }
            }
        case .number(let number):
            if let minimum = rules["minimum"]?.doubleValue, number < minimum { return "\(path): below \(minimum)" }
            if let maximum = rules["maximum"]?.doubleValue, number > maximum { return "\(path): above \(maximum)" }
        case .string(let text):
            if let minimum = rules["minLength"]?.intValue, text.count < minimum { return "\(path): shorter than \(minimum)" }
            if let maximum = rules["maxLength"]?.intValue, text.count > maximum { return "\(path): longer than \(maximum)" }
        case .null, .bool: break
        }
        return nil
    }

    static func matches(_ value: JSONValue, _ types: JSONValue) -> Bool {
        let names = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
        return names.contains { name in
            switch (name, value) {
            case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
                ("number", .number):
                true
            case ("integer", .number(let number)): number.rounded() == number
            default: false
            }
        }
    }

    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    static func describe(_ types: JSONValue) -> String {
        types.arrayValue?.compactMap(\.stringValue).joined(separator: " or ") ?? types.stringValue ?? "?"
    }
}
