import ModegateCore

/// One preset's side of the comparison: both arms' figures over its paired cases, and the
/// preset's gates as the judge computed them (`Verdict.byPreset`).
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
    /// The preset's gates from the verdict; empty when the verdict has none for it (an error).
    public var gates: [GateResult]
    /// The preset's verdict and whether its gates count; nil when the verdict has none for it.
    public var status: Verdict.Status?
    public var counts: Bool

    /// The panels the page shows, one per preset in name order. This is the one place that decides
    /// where the panels' figures come from: the arms' figures from the paired cases grouped by
    /// preset, the gates from the judge's breakdown, never recomputed here.
    public static func panels(_ verdict: Verdict, evidence: ReportEvidence) -> [PresetPanel] {
        Dictionary(grouping: evidence.cases, by: \.preset).sorted { $0.key < $1.key }.map { preset, cases in
            let judged = verdict.byPreset[preset]
            return PresetPanel(
                preset: preset, cases: cases.count, regressions: cases.filter(\.isLoss).count,
                gains: cases.filter(\.isGain).count, baseline: ArmFigures(cases.flatMap(\.baseline)),
                candidate: ArmFigures(cases.flatMap(\.candidate)), gates: judged?.gates ?? [],
                status: judged?.status, counts: judged?.counts ?? false)
        }
    }
}
