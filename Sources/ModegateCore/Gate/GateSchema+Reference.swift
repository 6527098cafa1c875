extension GateSchema {
    /// Markdown tables of every key, generated from `root` into `docs/gate-file.md` (between the
    /// `BEGIN/END GENERATED KEY REFERENCE` markers) so the prose reference cannot drift from the code.
    public static func referenceTables() -> String {
        var sections: [String] = []
        appendSections(of: root, heading: "top level", path: "", into: &sections)
        return sections.joined(separator: "\n")
    }

    private static func appendSections(
        of object: SchemaObject, heading: String, path: String, into sections: inout [String]
    ) {
        var lines = ["### \(heading)", "", object.description, "", "| key | type | default | allowed | meaning |",
                     "| --- | --- | --- | --- | --- |"]
        var nested: [(object: SchemaObject, path: String)] = []
        for field in object.fields {
            let fieldPath = path.isEmpty ? field.name : "\(path).\(field.name)"
            lines.append(row(for: field))
            switch field.type.unwrapped {
            case .object(let child): nested.append((child, fieldPath))
            case .map(_, .object(let child)): nested.append((child, "\(fieldPath).NAME"))
            case .array(.object(let child), _): nested.append((child, "\(fieldPath)[]"))
            default: break
            }
        }
        sections.append(lines.joined(separator: "\n") + "\n")
        for (child, childPath) in nested {
            appendSections(of: child, heading: "`\(childPath)`", path: childPath, into: &sections)
        }
    }

    private static func row(for field: SchemaField) -> String {
        let cells = [
            "`\(field.name)`",
            field.type.referenceName,
            defaultText(field),
            field.type.referenceConstraint,
            field.description,
        ]
        return "| " + cells.map { $0.replacingPipes() }.joined(separator: " | ") + " |"
    }

    private static func defaultText(_ field: SchemaField) -> String {
        guard let value = field.defaultValue else { return "**required**" }
        if case .object = field.type.unwrapped, case .object = value { return "see below" }
        if case .string(let text) = value { return text.isEmpty ? "`\"\"`" : "`\(text)`" }
        let json = (try? StableJSON.string(value, pretty: false)) ?? "?"
        return "`\(json)`"
    }
}

extension String {
    /// A `|` inside a table cell must be escaped; already-escaped ones are left alone.
    fileprivate func replacingPipes() -> String {
        var result = ""
        var previous: Character?
        for character in self {
            if character == "|", previous != "\\" { result.append("\\") }
            result.append(character)
            previous = character
        }
        return result
    }
}
