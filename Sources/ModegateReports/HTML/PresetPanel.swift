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
    /// preset, the gates from the judge's breakdown, never recomputed here. A preset the verdict
    /// judged but the evidence lacks (an imported RLM Code summary has no transcripts) still gets
    /// its panel, with its gates and no arm figures.
    public static func panels(_ verdict: Verdict, evidence: ReportEvidence) -> [PresetPanel] {
        let cases = Dictionary(grouping: evidence.cases, by: \.preset)
        return Set(cases.keys).union(verdict.byPreset.keys).sorted().map { preset in
            let judged = verdict.byPreset[preset]
            let mine = cases[preset] ?? []
            return PresetPanel(
                preset: preset, cases: mine.isEmpty ? judged?.pairedCases ?? 0 : mine.count,
                regressions: mine.filter(\.isLoss).count, gains: mine.filter(\.isGain).count,
                baseline: ArmFigures(mine.flatMap(\.baseline)), candidate: ArmFigures(mine.flatMap(\.candidate)),
                gates: judged?.gates ?? [], status: judged?.status, counts: judged?.counts ?? false)
        }
    }

    /// True when the evidence had trials of this preset, so the arms' figures mean something.
    public var hasArmFigures: Bool { baseline.trials > 0 || candidate.trials > 0 }
}
