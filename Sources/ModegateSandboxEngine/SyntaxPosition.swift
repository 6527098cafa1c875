import ModegateSandbox
/// Finds the column of a syntax error. JavaScriptCore reports only the line, so the column is
/// found by bisection: the longest prefix of the program that is still an unfinished but valid
/// start (its only complaint is reaching the end) ends where the error begins.
enum SyntaxPosition {
    /// Messages that mean "the text stopped early", not "the text is wrong".
    static func isEndOfInput(_ message: String) -> Bool {
        let lowered = message.lowercased()
        return lowered.contains("end of script") || lowered.contains("eof") || lowered.contains("unterminated")
            || lowered.contains("unexpected end") || lowered.contains("expected '}'")
    }

    /// Just past the last character that is not white space: where an unfinished program stops.
    static func end(of program: String) -> (line: Int, column: Int) {
        let trimmed = program.reversed().drop { $0.isWhitespace }.reversed()
        let lines = String(trimmed).split(separator: "\n", omittingEmptySubsequences: false)
        return (max(lines.count, 1), (lines.last?.count ?? 0) + 1)
    }

    /// `check` parses a prefix (with the wrapper's opening) and returns its error message or nil.
    static func locate(program: String, reportedLine: Int, check: (String) -> String?) -> (line: Int, column: Int) {
        let characters = Array(program)
        var viable = 0
        var failing = characters.count
        while failing - viable > 1 {
            let middle = (viable + failing) / 2
            let message = check(String(characters[0..<middle])) ?? "unexpected end of script"
            if isEndOfInput(message) { viable = middle } else { failing = middle }
        }
        // The error is at the first character past the longest viable prefix, or at the end.
        let offset = min(viable, max(characters.count - 1, 0))
        var line = 1
        var column = 1
        for character in characters[0..<offset] {
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        // Trust the engine's line; if the bisection disagrees, fall back to the line's start.
        return line == reportedLine ? (line, column) : (max(reportedLine, 1), 1)
    }
}
