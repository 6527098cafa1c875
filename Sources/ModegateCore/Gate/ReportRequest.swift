/// One report the gate asks for: a format and, for file formats, where to write it.
public struct ReportRequest: Sendable, Codable, Equatable {
    /// How the verdict is rendered.
    public var format: ReportFormat
    /// `nil` for `text` (stdout) and `github` (annotations and `$GITHUB_STEP_SUMMARY`).
    public var path: String?

    /// A request for `format`, to `path` or its natural destination.
    public init(format: ReportFormat, path: String? = nil) {
        self.format = format
        self.path = path
    }
}
