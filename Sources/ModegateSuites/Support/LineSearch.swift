import ModegateCore

/// The literal, case-sensitive line search the file suites offer (`search_code`, `search_files`):
/// every line containing the pattern, in path and line order, bounded like real code search, the
/// answer saying when it was cut.
struct LineSearch {
    /// Matches kept before the answer is cut.
    var limit = 200

    /// `{matches: [{path, line, text}], truncated}` over `files`, each a path and its lines; a lazy
    /// sequence is read only as far as the limit.
    func matches<Files: Sequence, Line: StringProtocol>(of pattern: String, in files: Files) -> JSONValue
        where Files.Element == (path: String, lines: [Line])
    {
        var matches: [JSONValue] = []
        var truncated = false
        search: for file in files {
            for (index, line) in file.lines.enumerated() where line.contains(pattern) {
                guard matches.count < limit else {
                    truncated = true
                    break search
                }
                matches.append(["path": .string(file.path), "line": .number(Double(index + 1)), "text": .string(String(line))])
            }
        }
        return ["matches": .array(matches), "truncated": .bool(truncated)]
    }
}
