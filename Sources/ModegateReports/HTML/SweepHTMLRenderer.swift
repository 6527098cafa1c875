import ModegateCore

/// `modegate sweep --report html`: the sweep as a self-contained page, a pure function of the
/// report (its clock, version and ids are fields).
public struct SweepHTMLRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The whole page.
    public func render(_ report: SweepReport) -> String { SweepPage(report: report).document() }
}
