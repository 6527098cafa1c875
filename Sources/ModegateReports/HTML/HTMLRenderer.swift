import Foundation
import ModegateCore

/// The `html` report: one self-contained page (inline CSS, script and SVG; nothing fetched, so it
/// opens from `file://` offline) with the verdict and decision, the gates as a forest plot, both
/// arms' costs, per-preset panels, charts per arm and preset, and a sortable, filterable case
/// table whose rows open both arms' transcripts side by side. Pure: the verdict, the evidence the
/// CLI read from the runs, and the context in; the same page out.
public struct HTMLRenderer: VerdictRenderer {
    /// Creates the renderer.
    public init() {}

    /// The page with per-case evidence.
    public func render(_ verdict: Verdict, evidence: ReportEvidence, context: ReportContext) -> String {
        HTMLPage(verdict: verdict, evidence: evidence, context: context).document()
    }

    /// The page without per-case evidence (the verdict alone does not carry it); the CLI calls
    /// `render(_:evidence:context:)` with the runs' evidence instead.
    public func render(_ verdict: Verdict, context: ReportContext) throws -> String {
        render(verdict, evidence: .unavailable("this page was rendered from the verdict alone"), context: context)
    }
}
