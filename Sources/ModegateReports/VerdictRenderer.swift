import ModegateCore

/// Turns a verdict into one report format. Implementations are pure: the same verdict and context
/// always give the same text, so reports can be golden-tested and diffed across runs.
public protocol VerdictRenderer: Sendable {
    /// Renders the whole report, ending with a newline.
    func render(_ verdict: Verdict, context: ReportContext) throws -> String
}
