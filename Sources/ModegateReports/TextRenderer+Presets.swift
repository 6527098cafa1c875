import ModegateCore

extension TextRenderer {
    /// The "by preset" table: one row per preset and gate, with Holm's adjusted p-value when the
    /// preset gates count, then the sentence of every counted preset gate that did not pass.
    func presetTable(_ verdict: Verdict, colour: Bool) -> [String] {
        let presets = ReportText.presets(verdict)
        guard !presets.isEmpty else { return [] }
        let entries = presets.flatMap { name, preset in preset.gates.map { (name, preset, $0) } }
        let showEvidence = entries.contains { !GateFigures($0.2).evidence.isEmpty }
        let showHolm = entries.contains { $0.2.holm != nil }
        var rows = [["preset", "gate", "observed", "threshold"] + (showEvidence ? ["interval"] : []) + (showHolm ? ["holm p"] : []) + ["status"]]
        var statuses: [String] = []
        var previous: String?
        for (name, _, gate) in entries {
            let figures = GateFigures(gate)
            // The preset's name once, on its first row, so the table reads as groups.
            rows.append([name == previous ? "" : name, gate.title, figures.observed, figures.bound]
                        + (showEvidence ? [figures.evidence] : []) + (showHolm ? [ReportText.holm(gate)] : []) + [figures.statusLabel])
            statuses.append(gate.status.rawValue)
            previous = name
        }
        var lines = ["", "by preset (\(ReportText.presetReading(verdict))):"]
        lines += presets.map { "  " + ReportText.presetHeading($0.name, $0.preset) }
        lines.append("")
        lines += table(rows, statuses: statuses, colour: colour)
        let open = entries.filter { $0.1.counts && $0.2.status != .pass }
        if !open.isEmpty {
            lines.append("")
            lines += open.map { "\($0.0) \($0.2.title) (\($0.2.status.rawValue)): " + indented($0.2.detail) }
        }
        return lines
    }
}
