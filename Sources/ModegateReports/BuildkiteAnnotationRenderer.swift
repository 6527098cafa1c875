import ModegateCore

/// The body of a Buildkite build annotation (`buildkite-agent annotate --context modegate <
/// FILE`): the decision in a heading, one table of the gates, the presets folded away, and the
/// warnings. Short on purpose: an annotation sits at the top of every build page, and the full
/// decision document belongs in an artifact. Buildkite renders its Markdown with HTML allowed, so
/// text from the runs (ids, warnings, gate details) is HTML-escaped as well as kept out of table
/// syntax. `style(for:)` gives the annotation style that matches the verdict.
public struct BuildkiteAnnotationRenderer: VerdictRenderer {
    /// Creates the renderer.
    public init() {}

    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        var lines: [String] = []
        guard verdict.status != .error else {
            lines.append("#### modegate: ERROR, the runs could not be judged")
            lines.append("")
            lines.append(Self.text(verdict.errorMessage ?? "the runs could not be judged"))
            return lines.joined(separator: "\n") + "\n"
        }
        let decision = verdict.status == .pass ? "promote the candidate" : "hold the candidate"
        lines.append("#### modegate: \(ReportText.statusLabel(verdict.status)), \(decision)")
        lines.append("")
        lines.append(
            "Candidate <code>\(Self.text(ReportText.arm(verdict.candidate)))</code> against baseline "
                + "<code>\(Self.text(ReportText.arm(verdict.baseline)))</code>: \(verdict.coverage.pairedCases) paired cases, "
                + "\(verdict.coverage.pairedTrials) paired trials; \(Self.text(ReportText.mode(verdict.judgement))).")
        if !verdict.armDifferences.isEmpty {
            lines.append("")
            lines.append("The arms differ in: \(Self.text(verdict.armDifferences.joined(separator: "; "))).")
        }
        lines.append("")
        lines += Self.table(verdict.gates)
        let presets = ReportText.presets(verdict)
        if !presets.isEmpty {
            lines.append("")
            lines.append("<details><summary>By preset (\(presets.count)): \(Self.text(ReportText.presetReading(verdict)))</summary>")
            for (name, preset) in presets {
                lines.append("")
                lines.append("**\(Self.text(ReportText.presetHeading(name, preset)))**")
                lines.append("")
                lines += Self.table(preset.gates)
            }
            lines.append("")
            lines.append("</details>")
        }
        if !verdict.warnings.isEmpty {
            lines.append("")
            lines.append("Warnings:")
            lines += verdict.warnings.map { "- \(Self.text($0))" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `success` for a pass, `warning` while inconclusive, `error` for a fail or an error.
    public static func style(for status: Verdict.Status) -> String {
        switch status {
        case .pass: "success"
        case .inconclusive: "warning"
        case .fail, .error: "error"
        }
    }

    private static func table(_ gates: [GateResult]) -> [String] {
        var rows = ["| Gate | Observed | Bound | Evidence | Status |", "| --- | --- | --- | --- | --- |"]
        for gate in gates {
            let figures = GateFigures(gate)
            let cells = [gate.title, figures.observed, figures.bound, figures.evidence, figures.statusLabel].map(cell)
            rows.append("| " + cells.joined(separator: " | ") + " |")
        }
        return rows
    }

    /// Text for a table cell: escaped, with no `|` to split it and no line break to end the row.
    private static func cell(_ text: String) -> String {
        self.text(text).replacingOccurrences(of: "|", with: "\\|").split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Text as Buildkite shows it: `&`, `<` and `>` escaped, so nothing from a run becomes markup.
    static func text(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
