import Foundation
import ModegateCore

/// How every report words the per-preset breakdown, so the formats agree on what counts.
extension ReportText {
    /// The presets of `by_preset`, in name order.
    static func presets(_ verdict: Verdict) -> [(name: String, preset: PresetVerdict)] {
        verdict.byPreset.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// One sentence on whether the preset gates count and how to read them.
    static func presetReading(_ verdict: Verdict) -> String {
        let presets = verdict.byPreset.values
        if let note = presets.compactMap(\.note).first { return note }
        guard presets.contains(where: { $0.counts }) else {
            return "descriptive: thresholds.per_preset is off, so only the overall gates decide"
        }
        guard verdict.judgement.mode == .statistical else {
            return "counted (thresholds.per_preset); point mode compares observed values, so there is no correction"
        }
        return "counted (thresholds.per_preset); each gate Holm-corrected across the \(presets.count) presets at "
            + "\(percentLevel(verdict.judgement.confidence)) confidence"
    }

    /// `p1: FAIL, 20 paired cases, 40 paired trials`.
    static func presetHeading(_ name: String, _ preset: PresetVerdict) -> String {
        "\(name): \(statusLabel(preset.status)), \(preset.pairedCases) paired cases, \(preset.pairedTrials) paired trials"
    }

    /// A counted preset gate's Holm-adjusted p-value, e.g. `0.0123`; empty otherwise.
    static func holm(_ gate: GateResult) -> String {
        gate.holm.map { String(format: "%.4f", $0.adjustedPValue) } ?? ""
    }
}
