extension String {
    /// This text with `insert` placed before the scalar at a 1-based line and column. `nil` if there is no such place.
    func inserting(_ insert: String, line: Int, column: Int) -> String? {
        var scalars = Array(unicodeScalars)
        guard let offset = Self.offset(in: scalars, line: line, column: column) else { return nil }
        scalars.insert(contentsOf: insert.unicodeScalars, at: offset)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The scalar at a 1-based line and column, if any.
    func scalar(line: Int, column: Int) -> Unicode.Scalar? {
        let scalars = Array(unicodeScalars)
        guard let offset = Self.offset(in: scalars, line: line, column: column), offset < scalars.count else {
            return nil
        }
        return scalars[offset]
    }

    /// The position of the character at `offset` (counted in `Character`s, as Yams reports reader errors).
    func position(ofCharacterOffset offset: Int) -> SourcePosition? {
        guard offset >= 0, offset <= count else { return nil }
        var position = SourcePosition(line: 1, column: 1)
        for character in prefix(offset) {
            if character.isNewline {
                position = SourcePosition(line: position.line + 1, column: 1)
            } else {
                position.column += character.unicodeScalars.count
            }
        }
        return position
    }

    /// libyaml's counting: columns in Unicode scalars; `\n`, `\r\n` and a lone `\r` end a line.
    private static func offset(in scalars: [Unicode.Scalar], line: Int, column: Int) -> Int? {
        var current = (line: 1, column: 1)
        var offset = 0
        while offset < scalars.count, current != (line, column) {
            let scalar = scalars[offset]
            let nextIsNewline = offset + 1 < scalars.count && scalars[offset + 1] == "\n"
            if scalar == "\n" || (scalar == "\r" && !nextIsNewline) {
                current = (current.line + 1, 1)
            } else {
                current.column += 1
            }
            offset += 1
        }
        return current == (line, column) ? offset : nil
    }
}
