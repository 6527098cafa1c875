/// A 1-based position in the user's file, columns counted in Unicode scalars as libyaml does.
struct SourcePosition: Hashable, Sendable, Comparable {
    var line: Int
    var column: Int

    static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
