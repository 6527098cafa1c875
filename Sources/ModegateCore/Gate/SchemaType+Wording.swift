extension SchemaType {
    /// Completes "expected …" in a type-mismatch diagnostic.
    var expectation: String {
        switch self {
        case .object, .map: "a mapping"
        case .string: "a string"
        case .stringEnum(let allowed): "one of \(allowed.joined(separator: ", "))"
        case .integer, .formatVersion: "an integer"
        case .number: "a number"
        case .boolean: "a boolean (true/false, yes/no, on/off)"
        case .array: "a list"
        case .nullable(let inner): "\(inner.expectation) or null"
        case .any: "a value"
        case .scalarOrObject(let scalar, _): "\(scalar.expectation) or a mapping"
        case .tagged(let union): union.expectation
        }
    }

    /// The type column of the key reference.
    var referenceName: String {
        switch self {
        case .object: "mapping"
        case .map(_, let values): "map of name → \(values.referenceName)"
        case .string: "string"
        case .stringEnum(let allowed): allowed.map { "`\($0)`" }.joined(separator: " \\| ")
        case .integer, .formatVersion: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .array(let item, _): "list of \(item.referenceName)"
        case .nullable(let inner): "\(inner.referenceName) or null"
        case .any: "any"
        case .scalarOrObject(let scalar, _): "\(scalar.referenceName) or mapping"
        case .tagged(let union): (union.bareNames.map { "`\($0)`" } + ["mapping by `\(union.key)`"]).joined(separator: " \\| ")
        }
    }

    /// The allowed-values column of the key reference: ranges, patterns, lengths.
    var referenceConstraint: String {
        switch self {
        case .integer(let minimum, let maximum):
            Self.rangeText(minimum.map(String.init), maximum.map(String.init))
        case .number(let minimum, let maximum):
            Self.rangeText(minimum.map(Self.formatBound), maximum.map(Self.formatBound))
        case .string(let rule):
            rule.pattern == nil ? (rule.minLength > 0 ? "non-empty" : "") : rule.meaning
        case .array(let item, let minItems):
            [minItems > 0 ? "at least \(minItems) item" + (minItems == 1 ? "" : "s") : "", item.referenceConstraint]
                .filter { !$0.isEmpty }.joined(separator: "; ")
        case .map(let keys, let values):
            ["keys: \(keys.meaning)", values.referenceConstraint.isEmpty ? "" : "values: \(values.referenceConstraint)"]
                .filter { !$0.isEmpty }.joined(separator: "; ")
        case .formatVersion(let supported): "\(supported)"
        case .nullable(let inner): inner.referenceConstraint
        case .object, .stringEnum, .boolean, .any, .scalarOrObject: ""
        case .tagged(let union): "\(union.key): \(union.names.joined(separator: ", "))"
        }
    }

    private static func rangeText(_ minimum: String?, _ maximum: String?) -> String {
        switch (minimum, maximum) {
        case let (low?, high?): "\(low) – \(high)"
        case let (low?, nil): "≥ \(low)"
        case let (nil, high?): "≤ \(high)"
        case (nil, nil): ""
        }
    }

    /// Bounds print as written in the schema: `1`, not `1.0`; `0.9999` stays as is.
    static func formatBound(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

extension SchemaTaggedUnion {
    var expectation: String {
        let bare = bareNames.isEmpty ? "" : "one of \(bareNames.joined(separator: ", ")) or "
        return "\(bare)a mapping whose '\(key)' is one of \(names.joined(separator: ", "))"
    }
}
