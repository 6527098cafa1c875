import ModegateCore

/// A JSON Schema written as a TypeScript type, the way Code Mode systems hand a model its tools'
/// API: objects with their properties (optional ones marked `?`, each with its description as a
/// doc comment), arrays, string and number enums as literal unions, `anyOf`/`oneOf` as unions,
/// `allOf` as intersections, local `$ref`s resolved. `unknown` appears only where the schema
/// says nothing about a value, and marks the type as imprecise.
public struct TypeScriptType {
    /// The type's text; multi-line for objects, indented by `indent`.
    var text: String
    /// False when some part of the value is `unknown`: the schema does not say what it is.
    var isPrecise: Bool

    /// The type of `schema`; `definitions` are the root schema's `$defs`/`definitions`, for `$ref`.
    static func of(_ schema: JSONValue?, indent: String = "", definitions: [String: JSONValue] = [:]) -> TypeScriptType {
        var writer = Writer(definitions: definitions)
        let text = writer.type(schema, indent: indent, depth: 0)
        return TypeScriptType(text: text, isPrecise: writer.isPrecise)
    }

    /// A property name or tool name as TypeScript writes it: bare when it is an identifier, else quoted.
    static func key(_ name: String) -> String {
        isIdentifier(name) ? name : "\"" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Whether `name` can be written bare (`tools.NAME`): a JavaScript identifier of ASCII letters,
    /// digits, `_` and `$`, not starting with a digit.
    public static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "$") }
    }

    /// A doc comment of `text` at `indent`, or nothing when the text is empty.
    static func docComment(_ text: String, indent: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "*/", with: "* /") }
            .filter { !$0.isEmpty }
        guard !lines.isEmpty else { return "" }
        if lines.count == 1 { return "\(indent)/** \(lines[0]) */\n" }
        return "\(indent)/**\n" + lines.map { "\(indent) * \($0)\n" }.joined() + "\(indent) */\n"
    }

    private struct Writer {
        let definitions: [String: JSONValue]
        var isPrecise = true

        /// Deep enough for any real schema; deeper (a recursive `$ref`) is `unknown`.
        static let maximumDepth = 12

        mutating func type(_ schema: JSONValue?, indent: String, depth: Int) -> String {
            guard depth < Self.maximumDepth, let schema else { return unknown() }
            if case .bool(let allowed) = schema { return allowed ? unknown() : "never" }
            guard let members = schema.objectValue else { return unknown() }
            if let reference = members["$ref"]?.stringValue {
                return type(resolve(reference), indent: indent, depth: depth + 1)
            }
            if let constant = members["const"] { return literal(constant) }
            if let values = members["enum"]?.arrayValue, !values.isEmpty {
                return values.map(literal).joined(separator: " | ")
            }
            if let choices = (members["anyOf"] ?? members["oneOf"])?.arrayValue, !choices.isEmpty {
                return union(choices.map { type($0, indent: indent, depth: depth + 1) })
            }
            if let parts = members["allOf"]?.arrayValue, !parts.isEmpty {
                let types = parts.map { type($0, indent: indent, depth: depth + 1) }
                return types.count == 1 ? types[0] : types.map(parenthesized).joined(separator: " & ")
            }
            let names: [String]
            switch members["type"] {
            case .string(let name)?: names = [name]
            case .array(let list)?: names = list.compactMap(\.stringValue)
            default: names = members["properties"] != nil ? ["object"] : members["items"] != nil ? ["array"] : []
            }
            guard !names.isEmpty else { return unknown() }
            return union(names.map { single($0, members, indent: indent, depth: depth) })
        }

        private mutating func single(_ name: String, _ members: [String: JSONValue], indent: String, depth: Int) -> String {
            switch name {
            case "string": return "string"
            case "number", "integer": return "number"
            case "boolean": return "boolean"
            case "null": return "null"
            case "array":
                if let tuple = (members["prefixItems"] ?? members["items"])?.arrayValue {
                    return "[" + tuple.map { type($0, indent: indent, depth: depth + 1) }.joined(separator: ", ") + "]"
                }
                return parenthesized(type(members["items"], indent: indent, depth: depth + 1)) + "[]"
            case "object": return object(members, indent: indent, depth: depth)
            default: return unknown()
            }
        }

        private mutating func object(_ members: [String: JSONValue], indent: String, depth: Int) -> String {
            let properties = members["properties"]?.objectValue ?? [:]
            let required = Set(members["required"]?.arrayValue?.compactMap(\.stringValue) ?? [])
            let inner = indent + "  "
            var lines: [String] = []
            for name in properties.keys.sorted() {
                let property = properties[name] ?? .null
                let doc = TypeScriptType.docComment(property["description"]?.stringValue ?? "", indent: inner)
                let optional = required.contains(name) ? "" : "?"
                lines.append(doc + "\(inner)\(TypeScriptType.key(name))\(optional): \(type(property, indent: inner, depth: depth + 1));")
            }
            switch members["additionalProperties"] {
            case .object?:
                lines.append("\(inner)[key: string]: \(type(members["additionalProperties"], indent: inner, depth: depth + 1));")
            case .bool(false)?:
                break
            default:
                // An object that names no properties says nothing about its values.
                if properties.isEmpty { lines.append("\(inner)[key: string]: \(unknown());") }
            }
            guard !lines.isEmpty else { return "{}" }
            return "{\n" + lines.joined(separator: "\n") + "\n\(indent)}"
        }

        private mutating func unknown() -> String {
            isPrecise = false
            return "unknown"
        }

        private func literal(_ value: JSONValue) -> String {
            switch value {
            case .string, .number, .bool, .null: value.jsonText
            case .array, .object: value.jsonText
            }
        }

        private func union(_ types: [String]) -> String {
            var seen = Set<String>()
            let distinct = types.filter { seen.insert($0).inserted }
            return distinct.count == 1 ? distinct[0] : distinct.map(parenthesized).joined(separator: " | ")
        }

        /// `type` in parentheses when it is a union or intersection at its top level (`(a | b)[]`).
        private func parenthesized(_ type: String) -> String {
            var depth = 0
            var previous: Character = " "
            for character in type {
                switch character {
                case "{", "[", "(", "<": depth += 1
                case "}", "]", ")", ">": depth -= 1
                case "|" where depth == 0 && previous == " ", "&" where depth == 0 && previous == " ": return "(\(type))"
                default: break
                }
                previous = character
            }
            return type
        }

        private func resolve(_ reference: String) -> JSONValue? {
            for prefix in ["#/$defs/", "#/definitions/"] where reference.hasPrefix(prefix) {
                return definitions[String(reference.dropFirst(prefix.count))]
            }
            return nil
        }
    }
}
