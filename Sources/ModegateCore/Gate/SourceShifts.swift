import Yams

/// Text inserted into the YAML before parsing, so positions reported by the parser can be mapped back
/// to the file the user wrote. See `YAMLDocumentReader` for why text is inserted at all.
struct SourceShifts: Sendable {
    private struct Insertion: Sendable {
        var line: Int
        var column: Int
        var length: Int
    }

    private var insertions: [Insertion] = []

    mutating func record(line: Int, column: Int, length: Int) {
        insertions.append(Insertion(line: line, column: column, length: length))
    }

    /// Undoes the insertions newest first: each was recorded in the coordinates of the text it changed.
    func original(_ mark: Mark) -> SourcePosition {
        var position = SourcePosition(line: mark.line, column: mark.column)
        for insertion in insertions.reversed() where insertion.line == position.line {
            if position.column >= insertion.column + insertion.length {
                position.column -= insertion.length
            } else if position.column > insertion.column {
                position.column = insertion.column
            }
        }
        return position
    }
}
