/// One problem found in user input, located in its file: `FILE:LINE:COLUMN: error: MESSAGE (at key.path)`.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Codable { case error, warning }

    public var file: String
    /// 1-based; 0 when the problem has no position (a missing file, a whole-document problem).
    public var line: Int
    public var column: Int
    public var severity: Severity
    public var message: String
    /// Dotted key path such as `thresholds.min_reward_delta`, or `reports[1].format`; empty at the root.
    public var keyPath: String

    public init(file: String, line: Int, column: Int, severity: Severity = .error, message: String, keyPath: String = "") {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.message = message
        self.keyPath = keyPath
    }

    public var description: String {
        let location = line > 0 ? "\(file):\(line):\(column)" : file
        let suffix = keyPath.isEmpty ? "" : " (at \(keyPath))"
        return "\(location): \(severity.rawValue): \(message)\(suffix)"
    }
}
