/// An output format of the verdict (DESIGN §9), as named in `reports:` and `--report FORMAT[:PATH]`.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    /// Plain text, verdict JSON, Markdown, JUnit XML, GitHub annotations.
    case text, json, markdown, junit, github

    /// Formats that have a natural destination of their own (stdout, the GitHub step summary);
    /// the others must be given a file path.
    public var needsPath: Bool {
        switch self {
        case .text, .github: false
        case .json, .markdown, .junit: true
        }
    }
}
