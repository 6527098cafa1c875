extension Diagnostic {
    /// Position order, whole-file problems (line 0) first; ties keep the order they were found in,
    /// so a file's problems read top to bottom whichever pass found them.
    static func inFileOrder(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated()
            .sorted { lhs, rhs in
                (lhs.element.line, lhs.element.column, lhs.offset) < (rhs.element.line, rhs.element.column, rhs.offset)
            }
            .map(\.element)
    }
}
