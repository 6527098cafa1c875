import ModegateCore

/// The machine-readable verdict: `VerdictDocument` as pretty, key-sorted JSON, so a pipeline can
/// read `status`, `exit_code` and every gate's evidence, and two runs' reports diff cleanly.
public struct JSONRenderer: VerdictRenderer {
    /// Creates the renderer.
    public init() {}

    /// Renders the document described by `docs/verdict.schema.json`.
    public func render(_ verdict: Verdict, context: ReportContext) throws -> String {
        try VerdictDocument(verdict: verdict, context: context).json()
    }
}
