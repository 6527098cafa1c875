import ModegateCore

extension TextRenderer {
    /// The costs side by side: one aligned row per figure with both arms, the delta, the ratio
    /// and, in statistical mode, the delta's interval. Nothing when no trial paired.
    func costTable(_ costs: CostComparison?) -> [String] {
        guard let costs else { return [] }
        let rows = CostRow.rows(costs)
        // Point mode has no intervals: leave the column out rather than print it empty.
        let showInterval = rows.contains { !$0.interval.isEmpty }
        var table = [["cost", "baseline", "candidate", "delta", "ratio"] + (showInterval ? ["interval"] : [])]
        for row in rows {
            table.append([row.title, row.baseline, row.candidate, row.delta, row.ratio] + (showInterval ? [row.interval] : []))
        }
        let widths = (0..<table[0].count).map { column in table.map { $0[column].count }.max() ?? 0 }
        let lines = table.map { cells in
            zip(cells, widths).enumerated().map { index, cell in
                index == cells.count - 1 ? cell.0 : pad(cell.0, to: cell.1 + 2)
            }.joined()
        }
        return ["", "costs \(CostRow.heading(costs)):"] + lines.map { trailingSpaceTrimmed($0) }
    }

    private func trailingSpaceTrimmed(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}
