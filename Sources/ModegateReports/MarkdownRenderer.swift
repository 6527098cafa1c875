import ModegateCore

/// The release-decision checklist in Markdown (DESIGN §9), for `--report markdown`,
/// `modegate decision` and the GitHub step summary.
public struct MarkdownRenderer: VerdictRenderer {
    /// The template in use: the built-in one unless the user passed `--template`.
    public var document: DecisionDocument

    /// Creates the renderer; pass a `DecisionDocument(template:templateName:)` for a custom template.
    public init(document: DecisionDocument = .standard) {
        self.document = document
    }

    /// Renders the filled checklist.
    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        document.render(verdict, context: context)
    }
}
