import ModegateCore

/// The renderer of each `ReportFormat` (DESIGN §9), so the CLI maps `--report FORMAT` in one place.
public enum Renderers {
    /// The default renderer for a format. Markdown uses the built-in decision template; pass a
    /// `MarkdownRenderer(document:)` with a custom `DecisionDocument` for `--template`. HTML's
    /// default renders the verdict alone; the CLI passes the runs' evidence to `HTMLRenderer`.
    public static func renderer(for format: ReportFormat) -> any VerdictRenderer {
        switch format {
        case .text: TextRenderer()
        case .json: JSONRenderer()
        case .markdown: MarkdownRenderer()
        case .junit: JUnitRenderer()
        case .github: GitHubRenderer()
        case .html: HTMLRenderer()
        case .openmetrics: OpenMetricsRenderer()
        case .buildkite: BuildkiteAnnotationRenderer()
        }
    }
}
