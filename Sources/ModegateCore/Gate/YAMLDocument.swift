import Yams

/// A parsed YAML document and the way back from parser positions to the user's file.
struct YAMLDocument {
    /// `nil` for a file with no document (empty, or only comments).
    var root: Node?
    var shifts: SourceShifts

    func position(of node: Node) -> SourcePosition {
        node.mark.map(shifts.original) ?? SourcePosition(line: 1, column: 1)
    }
}
