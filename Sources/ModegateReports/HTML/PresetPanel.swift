import ModegateCore

/// One preset's side of the comparison: both arms' figures over its paired cases and, once the
/// judge breaks its verdict down by preset, that preset's gates.
public struct PresetPanel: Sendable, Hashable {
    /// The preset's name.
    public var preset: String
    /// Paired cases of the preset.
    public var cases: Int
    /// Cases of the preset the candidate lost and gained on.
    public var regressions: Int
    public var gains: Int
    /// The baseline's and the candidate's figures.
    public var baseline: ArmFigures
    public var candidate: ArmFigures
    /// The preset's own gates; empty until the verdict carries a per-preset breakdown.
    public var gates: [GateResult]

    /// The panels the page shows, one per preset in name order. This is the one place that decides
    /// where the panels' figures come from: today the paired cases grouped by preset; when the
    /// verdict gains a per-preset breakdown (`Verdict.byPreset`), its gates go into `gates` here.
    public static func panels(_ verdict: Verdict, evidence: ReportEvidence) -> [PresetPanel] {
        Dictionary(grouping: evidence.cases, by: \.preset).sorted { $0.key < $1.key }.map { preset, cases in
            PresetPanel(
                preset: preset, cases: cases.count, regressions: cases.filter(\.isLoss).count,
                gains: cases.filter(\.isGain).count, baseline: ArmFigures(cases.flatMap(\.baseline)),
                candidate: ArmFigures(cases.flatMap(\.candidate)), gates: [])
        }
    }
}
