import Foundation
import ModegateCore

/// `modegate plan`'s terminal report: per gate where it is headed, its variances, the cases it
/// needs at each repetition count, and the power of the gate's own size. Pure.
public enum DecisionPlanText {
    /// What the planned size costs, as the command worked it out (pilot figures or the
    /// rehearsal's estimate); nil lines are left out.
    public struct Spending: Sendable {
        public var lines: [String]
        public init(lines: [String]) { self.lines = lines }
    }

    /// The report, ending with a newline.
    public static func render(_ plan: DecisionPlan, gate: String, spending: Spending?) -> String {
        var out: [String] = []
        out.append("plan: \(gate) at power \(String(format: "%.2f", plan.power)) and \(Int((plan.confidence * 100).rounded()))% confidence; "
            + "the workload has \(plan.workloadCases) cases and the gate plays \(plan.workloadRepetitions) repetition\(plan.workloadRepetitions == 1 ? "" : "s")")
        out.append(plan.source == "pilot"
            ? "variances measured on the pilot: \(plan.pilotCases) paired cases, \(plan.pilotTrials) paired trials"
            : "variances assumed (--delta, --between-sd, --within-sd); a pilot run measures them: --pilot REF")
        out.append("")
        let counts = DecisionPlan.repetitionCounts
        var table: [[String]] = [["gate", "headed", "expected", "threshold", "sd between", "sd within"]
            + counts.map { "cases@r=\($0)" } + ["r with \(plan.workloadCases) cases", "power now"]]
        for row in plan.rows {
            var cells = [row.gate.title, row.headedFor.rawValue]
            if row.gate == .completionRegressions {
                cells += [String(format: "%.1f%% lost, %.1f%% gained", (row.lossRate ?? 0) * 100, (row.gainRate ?? 0) * 100),
                          "losses ≤ gains", "", ""]
            } else {
                cells += [signed(row.expected), "\(row.comparison.symbol) \(signed(row.threshold))",
                          String(format: "%.3f", row.betweenSD ?? 0), String(format: "%.3f", row.withinSD ?? 0)]
            }
            cells += row.sizes.map { $0.cases.map(String.init) ?? "never" }
            cells.append(row.repetitionsWithWorkload.map(String.init) ?? "—")
            cells.append(String(format: "%.2f", row.powerAtGateSize))
            table.append(cells)
        }
        out += columns(table)
        let notes = plan.rows.compactMap { row in row.note.map { "  \(row.gate.title): \($0)" } }
        if !notes.isEmpty { out += [""] + notes }
        out.append("")
        if let repetitions = plan.recommendedRepetitions {
            let trials = plan.workloadCases * repetitions
            out.append("recommended: \(plan.workloadCases) cases × \(repetitions) repetition\(repetitions == 1 ? "" : "s") = \(trials) trials per arm"
                + (repetitions == plan.workloadRepetitions ? " (the gate's own size)" : " (the gate plays \(plan.workloadRepetitions))"))
        } else {
            out.append("recommended: more cases — at least one gate cannot be decided with \(plan.workloadCases) cases at any repetitions (see its cases@r columns); "
                + "priced below at the gate's own size")
        }
        for line in spending?.lines ?? [] { out.append("  \(line)") }
        return out.joined(separator: "\n") + "\n"
    }

    static func columns(_ rows: [[String]]) -> [String] {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
    }

    static func signed(_ value: Double) -> String { String(format: "%+.3f", value) }
}
