import Yams

/// Walks a YAML node tree against a `SchemaType`, producing the default-filled JSON tree and every
/// diagnostic along the way; it never stops at the first problem.
///
/// A value with an error is left out of the tree and not replaced by its default, so the cross-field
/// rules that run afterwards skip it instead of reporting a second, misleading problem.
struct SchemaValidator {
    let file: String
    let document: YAMLDocument
    private(set) var diagnostics: [Diagnostic] = []
    /// Where each value was written, for diagnostics raised after validation.
    private(set) var positions: [SchemaPath: SourcePosition] = [:]

    init(file: String, document: YAMLDocument) {
        self.file = file
        self.document = document
    }

    mutating func validate(_ node: Node, as type: SchemaType, at path: SchemaPath) -> JSONValue? {
        positions[path] = document.position(of: node)
        if case .alias = node {
            report(GateMessage.aliasUnsupported, at: node, path: path)
            return nil
        }
        switch type {
        case .nullable(let inner):
            if case .scalar(let scalar) = node, case .null = YAMLScalar(scalar).value { return .null }
            return validate(node, as: inner, at: path)
        case .object(let object):
            return validateObject(node, object, at: path)
        case .map(let keys, let values):
            return validateMap(node, keys: keys, values: values, at: path)
        case .array(let item, let minItems):
            return validateArray(node, item: item, minItems: minItems, at: path)
        case .string, .stringEnum, .integer, .number, .boolean, .formatVersion:
            return validateScalar(node, as: type, at: path)
        case .any:
            return validateAny(node, at: path)
        case .scalarOrObject(let scalar, let object):
            if case .mapping = node { return validate(node, as: .object(object), at: path) }
            return validate(node, as: scalar, at: path)
        case .tagged(let union):
            return validateTagged(node, union, at: path)
        }
    }

    mutating func validateObject(_ node: Node, _ object: SchemaObject, at path: SchemaPath) -> JSONValue? {
        guard case .mapping(let mapping) = node else { return mismatch(node, expected: .object(object), at: path) }
        var members: [String: JSONValue] = [:]
        let entries = uniqueEntries(mapping, at: path)
        for (key, keyNode, valueNode, keyPath) in entries {
            guard let field = object.field(named: key) else {
                let allowed = object.fields.map(\.name)
                let suggestion = NameSuggestion.closest(to: key, among: allowed)
                report(GateMessage.unknownKey(key, suggestion: suggestion, allowed: allowed),
                       at: keyNode, path: keyPath)
                continue
            }
            if let value = validate(valueNode, as: field.type, at: keyPath) { members[key] = value }
        }
        let present = Set(entries.map(\.key))
        for field in object.fields where !present.contains(field.name) {
            switch field.presence {
            case .defaulted(let value):
                members[field.name] = value
            case .required:
                let message: String
                if case .formatVersion(let supported) = field.type {
                    message = GateMessage.missingVersion(supported)
                } else {
                    message = GateMessage.missingKey(field.name)
                }
                report(message, at: node, path: path.appending(field.name))
            }
        }
        return .object(members)
    }

    private mutating func validateMap(_ node: Node, keys: StringRule, values: SchemaType, at path: SchemaPath)
        -> JSONValue?
    {
        guard case .mapping(let mapping) = node else {
            return mismatch(node, expected: .map(keys: keys, values: values), at: path)
        }
        var members: [String: JSONValue] = [:]
        for (key, keyNode, valueNode, keyPath) in uniqueEntries(mapping, at: path) {
            if let problem = keys.problem(with: key) {
                report(problem, at: keyNode, path: keyPath)
            }
            if let value = validate(valueNode, as: values, at: keyPath) { members[key] = value }
        }
        return .object(members)
    }

    private mutating func validateArray(_ node: Node, item: SchemaType, minItems: Int, at path: SchemaPath)
        -> JSONValue?
    {
        guard case .sequence(let sequence) = node else {
            return mismatch(node, expected: .array(of: item, minItems: minItems), at: path)
        }
        var items: [JSONValue] = []
        var failed = false
        for (index, element) in sequence.enumerated() {
            if let value = validate(element, as: item, at: path.appending(index: index)) {
                items.append(value)
            } else {
                failed = true
            }
        }
        if sequence.count < minItems {
            report(GateMessage.tooFewItems(minItems), at: node, path: path)
            return nil
        }
        // A list with a bad item is dropped whole: keeping the rest would shift indexes in later messages.
        return failed ? nil : .array(items)
    }

    /// The entries of a mapping with string keys, in file order; a repeated key is reported at its
    /// second occurrence and left out, so the first one counts.
    mutating func uniqueEntries(_ mapping: Node.Mapping, at path: SchemaPath)
        -> [(key: String, keyNode: Node, valueNode: Node, keyPath: SchemaPath)]
    {
        var entries: [(key: String, keyNode: Node, valueNode: Node, keyPath: SchemaPath)] = []
        var firstLines: [String: Int] = [:]
        for (keyNode, valueNode) in mapping {
            guard let key = keyName(keyNode, at: path) else { continue }
            let keyPath = path.appending(key)
            if let firstLine = firstLines[key] {
                report(GateMessage.duplicateKey(key, firstLine: firstLine), at: keyNode, path: keyPath)
                continue
            }
            firstLines[key] = document.position(of: keyNode).line
            entries.append((key, keyNode, valueNode, keyPath))
        }
        return entries
    }

    /// Mapping keys are plain strings; anything else (a list or mapping used as a key) is reported.
    private mutating func keyName(_ keyNode: Node, at path: SchemaPath) -> String? {
        guard case .scalar(let scalar) = keyNode else {
            report(GateMessage.nonStringKey(found: keyNode.foundDescription), at: keyNode, path: path)
            return nil
        }
        return scalar.string
    }

    mutating func mismatch(_ node: Node, expected: SchemaType, at path: SchemaPath) -> JSONValue? {
        report(GateMessage.typeMismatch(expected: expected.expectation, found: node.foundDescription),
               at: node, path: path)
        return nil
    }

    mutating func report(_ message: String, at node: Node, path: SchemaPath) {
        let position = document.position(of: node)
        diagnostics.append(Diagnostic(
            file: file, line: position.line, column: position.column, message: message, keyPath: path.description))
    }
}
