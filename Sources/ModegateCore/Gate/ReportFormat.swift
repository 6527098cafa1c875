/// An output format of the verdict (DESIGN §9), as named in `reports:` and `--report FORMAT[:PATH]`.
public enum ReportFormat: String, CaseIterable, Sendable, Codable {
    /// Plain text, verdict JSON, Markdown, JUnit XML, GitHub annotations, a self-contained HTML
    /// page, OpenMetrics text (GitLab's metrics report), a Buildkite annotation's body.
    case text, json, markdown, junit, github, html, openmetrics, buildkite

    /// Formats that have a natural destination of their own (stdout, the GitHub step summary, a
    /// default file); the others must be given a file path.
    public var needsPath: Bool {
        switch self {
        case .text, .github, .html: false
        case .json, .markdown, .junit, .openmetrics, .buildkite: true
        }
    }

    /// Where the report goes when no path is given, relative to the working directory; nil for
    /// formats that go to stdout. A page of HTML on a terminal helps nobody, so `html` gets a file.
    public var defaultPath: String? {
        switch self {
        case .html: ".modegate/report.html"
        case .text, .github, .json, .markdown, .junit, .openmetrics, .buildkite: nil
        }
    }
}
