import Yams

/// A YAML scalar read with the YAML 1.1 rules Yams resolves by (so `on`/`off`/`yes`/`no` are booleans),
/// keeping the source text for messages. Quoted scalars are always strings.
struct YAMLScalar {
    enum Value {
        case null
        case boolean(Bool)
        case integer(Int)
        case number(Double)
        case text(String)
    }

    var value: Value
    /// The text as written, used when a string is wanted whatever it looks like (`api_version: 2024-10-21`).
    var source: String

    init(_ scalar: Node.Scalar) {
        source = scalar.string
        let tag = Node.scalar(scalar).tag.rawValue
        if tag == Tag.Name.null.rawValue {
            value = .null
        } else if tag == Tag.Name.bool.rawValue, let flag = Bool.construct(from: scalar) {
            value = .boolean(flag)
        } else if tag == Tag.Name.int.rawValue, let whole = Int.construct(from: scalar) {
            value = .integer(whole)
        } else if tag == Tag.Name.int.rawValue || tag == Tag.Name.float.rawValue,
            let number = Double.construct(from: scalar)
        {
            value = .number(number)
        } else {
            value = .text(scalar.string)
        }
    }

    /// How a diagnostic names what it found: `string 'abc'`, `number 2.5`, `boolean true`, `null`.
    var foundDescription: String {
        switch value {
        case .null: "null"
        case .boolean(let flag): "boolean \(flag)"
        case .integer, .number: "number \(source)"
        case .text(let text): "string '\(text)'"
        }
    }
}

extension Node {
    /// How a diagnostic names a node it did not expect.
    var foundDescription: String {
        switch self {
        case .scalar(let scalar): YAMLScalar(scalar).foundDescription
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}
