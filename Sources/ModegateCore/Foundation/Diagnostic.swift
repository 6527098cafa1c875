/// One problem found in user input, located in its file: `FILE:LINE:COLUMN: error: MESSAGE (at key.path)`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How bad a problem is: an error rejects the input, a warning only reports.
    public enum Severity: String, Sendable, Codable { case error, warning }

    /// The file as the user named it, so the message points where they can look.
    public var file: String
    /// 1-based; 0 when the problem has no position (a missing file, a whole-document problem).
    public var line: Int
    /// 1-based, in Unicode scalars as libyaml counts them; 0 with `line`, or for a problem with a
    /// whole line (a JSON-lines record), printed as `FILE:LINE`.
    public var column: Int
    /// Whether the input is rejected for this.
    public var severity: Severity
    /// What is wrong and, where it helps, how to fix it.
    public var message: String
    /// Dotted key path such as `thresholds.min_reward_delta`, or `reports[1].format`; empty at the root.
    public var keyPath: String

    /// A problem at a position; an error at the document's root unless told otherwise.
    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String, keyPath: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.keyPath = keyPath
    }

    /// `FILE:LINE:COLUMN: error: MESSAGE (at key.path)`, as compilers print it.
    public var description: String {
        let location = line > 0 ? (column > 0 ? "\(file):\(line):\(column)" : "\(file):\(line)") : file
        let suffix = keyPath.isEmpty ? "" : " (at \(keyPath))"
        return "\(location): \(severity.rawValue): \(message)\(suffix)"
    }
}
