import ModegateCore

/// The terminal report: who was compared and how, one aligned row per gate, the evidence behind
/// any gate that did not pass, and a last line that names the verdict and the exit code.
public struct TextRenderer: VerdictRenderer {
    /// Creates the renderer; colour is decided per call by `ReportContext.colour`.
    public init() {}

    /// Renders the table; ANSI colour only when `context.colour` is true.
    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        var lines = header(verdict)
        if !verdict.gates.isEmpty {
            lines.append("")
            lines += gateTable(verdict.gates, colour: context.colour)
            lines += reasons(verdict.gates)
        }
        lines += presetTable(verdict, colour: context.colour)
        lines += costTable(verdict.costs)
        lines += regressions(verdict.completionRegressions)
        if !verdict.warnings.isEmpty {
            lines.append("")
            lines.append("warnings:")
            lines += verdict.warnings.map { "  - " + indented($0) }
        }
        lines.append("")
        let label = paint(ReportText.statusLabel(verdict.status), status: verdict.status.rawValue, colour: context.colour)
        lines.append(ReportText.verdictLine(verdict, label: label))
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ verdict: Verdict) -> [String] {
        let coverage = verdict.coverage
        var unpaired = "unpaired: \(coverage.candidateOnly.count) candidate-only, \(coverage.baselineOnly.count) baseline-only trials"
        if !coverage.duplicateTrials.isEmpty { unpaired += ", \(coverage.duplicateTrials.count) duplicates" }
        let rows = [
            ("candidate", ReportText.arm(verdict.candidate)),
            ("baseline", ReportText.arm(verdict.baseline)),
            ("mode", ReportText.mode(verdict.judgement)),
            ("coverage", "\(coverage.pairedCases) paired cases, \(coverage.pairedTrials) paired trials; \(unpaired)"),
        ]
        var lines = rows.map { "\(pad($0.0, to: 10))\($0.1)" }
        if !verdict.armDifferences.isEmpty { lines.append(pad("differs", to: 10) + verdict.armDifferences.joined(separator: "; ")) }
        if let sequential = verdict.sequential { lines.append(pad("sequential", to: 11) + ReportText.sequential(sequential)) }
        if let reuse = verdict.baselineReuse, !reuse.isStale { lines.append(pad("reused", to: 10) + ReportText.baselineReuse(reuse)) }
        let adoption = [("candidate", verdict.candidate), ("baseline", verdict.baseline)].compactMap { name, arm in
            ReportText.adoption(arm).map { "\(name): \($0)" }
        }
        for (index, line) in adoption.enumerated() { lines.append(pad(index == 0 ? "adoption" : "", to: 10) + line) }
        let servers = [("candidate", verdict.candidate), ("baseline", verdict.baseline)].compactMap { name, arm in
            ReportText.serverAdoption(arm).map { "\(name): \($0)" }
        }
        for (index, line) in servers.enumerated() { lines.append(pad(index == 0 ? "servers" : "", to: 10) + line) }
        return lines
    }

    private func gateTable(_ gates: [GateResult], colour: Bool) -> [String] {
        let figures = gates.map(GateFigures.init)
        // Point-mode verdicts have no intervals: leave the column out rather than print it empty.
        let showEvidence = figures.contains { !$0.evidence.isEmpty }
        var rows = [["gate", "observed", "threshold"] + (showEvidence ? ["interval"] : []) + ["status"]]
        for (gate, figure) in zip(gates, figures) {
            rows.append([gate.title, figure.observed, figure.bound] + (showEvidence ? [figure.evidence] : []) + [figure.statusLabel])
        }
        return table(rows, statuses: gates.map(\.status.rawValue), colour: colour)
    }

    /// Aligned columns under a header row; `statuses` colour the last column of each body row.
    func table(_ rows: [[String]], statuses: [String], colour: Bool) -> [String] {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.enumerated().map { index, row in
            var cells = zip(row.dropLast(), widths).map { pad($0, to: $1 + 2) }
            // Status is the last column, so colouring it cannot disturb the alignment.
            let status = index == 0 ? row[row.count - 1] : paint(row[row.count - 1], status: statuses[index - 1], colour: colour)
            cells.append(status)
            return cells.joined()
        }
    }

    /// The judge's sentence for every gate that did not pass: why it failed or what would decide it.
    private func reasons(_ gates: [GateResult]) -> [String] {
        let open = gates.filter { $0.status != .pass }
        guard !open.isEmpty else { return [] }
        return [""] + open.map { "\($0.title) (\($0.status.rawValue)): " + indented($0.detail) }
    }

    private func regressions(_ keys: [PairKey]) -> [String] {
        guard !keys.isEmpty else { return [] }
        let (shown, more) = ReportText.keyList(keys)
        return ["", "completion regressions (\(keys.count)):"] + shown.map { "  \($0)" } + (more > 0 ? ["  … and \(more) more"] : [])
    }

    /// Keeps a multi-line message inside its list item instead of breaking the layout.
    func indented(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "\n    ")
    }

    func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    /// Green for pass, red for fail and error, yellow for inconclusive; plain when colour is off.
    private func paint(_ text: String, status: String, colour: Bool) -> String {
        guard colour else { return text }
        let code = switch status {
        case "pass": "32"
        case "inconclusive": "33"
        default: "31"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
