import Yams

extension SchemaValidator {
    /// Free JSON written as YAML, converted node by node with the scalar rules of the rest of the
    /// file (so `on` is `true` here too, and a quoted `"on"` a string). Duplicate keys and aliases
    /// are still reported, and every nested value's position is kept for later rules.
    mutating func validateAny(_ node: Node, at path: SchemaPath) -> JSONValue? {
        switch node {
        case .scalar(let raw):
            let scalar = YAMLScalar(raw)
            switch scalar.value {
            case .null: return .null
            case .boolean(let flag): return .bool(flag)
            case .integer(let whole): return .number(Double(whole))
            case .number(let number):
                guard number.isFinite else {
                    report(GateMessage.notFinite(found: scalar.source), at: node, path: path)
                    return nil
                }
                return .number(number)
            case .text(let text): return .string(text)
            }
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            var failed = false
            for (key, _, valueNode, keyPath) in uniqueEntries(mapping, at: path) {
                if let value = validate(valueNode, as: .any, at: keyPath) { members[key] = value } else { failed = true }
            }
            return failed ? nil : .object(members)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            var failed = false
            for (index, element) in sequence.enumerated() {
                if let value = validate(element, as: .any, at: path.appending(index: index)) {
                    items.append(value)
                } else {
                    failed = true
                }
            }
            return failed ? nil : .array(items)
        case .alias:
            report(GateMessage.aliasUnsupported, at: node, path: path)
            return nil
        }
    }

    /// A bare kind name, or a mapping validated against the keys of the kind its discriminating key
    /// names. The result is always the mapping form with defaults filled, so readers see one shape.
    mutating func validateTagged(_ node: Node, _ union: SchemaTaggedUnion, at path: SchemaPath) -> JSONValue? {
        switch node {
        case .scalar(let raw):
            guard case .text(let name) = YAMLScalar(raw).value else {
                return mismatch(node, expected: .tagged(union), at: path)
            }
            guard let variant = union.variant(named: name) else {
                let suggestion = NameSuggestion.closest(to: name, among: union.names)
                report(GateMessage.notInEnum(name, allowed: union.names, suggestion: suggestion), at: node, path: path)
                return nil
            }
            guard case .object(var members)? = variant.object.defaultValue else {
                let needed = variant.object.fields.filter(\.isRequired).map(\.name)
                report(GateMessage.kindNeedsKeys(name, key: union.key, keys: needed), at: node, path: path)
                return nil
            }
            members[union.key] = .string(name)
            return .object(members)
        case .mapping(let mapping):
            let kindEntry = mapping.first { keyNode, _ in keyNode.scalar?.string == union.key }
            guard let (_, kindNode) = kindEntry else {
                report(GateMessage.missingKey(union.key), at: node, path: path.appending(union.key))
                return nil
            }
            guard case .scalar(let raw) = kindNode, case .text(let name) = YAMLScalar(raw).value else {
                report(GateMessage.typeMismatch(expected: "one of \(union.names.joined(separator: ", "))",
                                                found: kindNode.foundDescription),
                       at: kindNode, path: path.appending(union.key))
                return nil
            }
            guard let variant = union.variant(named: name) else {
                let suggestion = NameSuggestion.closest(to: name, among: union.names)
                report(GateMessage.notInEnum(name, allowed: union.names, suggestion: suggestion),
                       at: kindNode, path: path.appending(union.key))
                return nil
            }
            return validateObject(node, union.object(for: variant), at: path)
        case .sequence, .alias:
            return mismatch(node, expected: .tagged(union), at: path)
        }
    }
}
