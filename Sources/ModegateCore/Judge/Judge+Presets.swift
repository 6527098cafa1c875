import Foundation

extension Judge {
    /// Each preset's verdict (`by_preset`), from the same gate code as the overall gates run on
    /// the preset's trials alone. With `thresholds.per_preset` in fixed-size statistical mode
    /// each gate is Holm-corrected across the presets, since the gates then count and a run of
    /// k presets would otherwise get k chances to fail by noise. Point mode has no p-values, so
    /// nothing to correct; sequential verdicts get fixed-size figures that only describe.
    func presetVerdicts(candidate: StoredRun, baseline: StoredRun, pairing: Pairing) -> [String: PresetVerdict] {
        let slices = PresetSlice.presets(of: pairing).map { PresetSlice(preset: $0, candidate: candidate, baseline: baseline) }
        let sequential = settings.mode == .statistical && settings.sequential != nil
        let counts = thresholds.perPreset && !sequential
        var evidence = slices.map { slice -> (gates: [GateResult], pValues: [GateResult.Name: Double]) in
            switch settings.mode {
            case .point: (pointGates(candidate: slice.candidate, baseline: slice.baseline, pairing: slice.pairing), [:])
            case .statistical: statisticalEvidence(candidate: slice.candidate, baseline: slice.baseline, pairing: slice.pairing)
            }
        }
        if counts && settings.mode == .statistical {
            evidence = holmCorrected(evidence, slices: slices)
        }
        var verdicts: [String: PresetVerdict] = [:]
        for (slice, preset) in zip(slices, evidence) {
            verdicts[slice.preset] = PresetVerdict(
                status: Self.combine(preset.gates.map(\.status)), counts: counts,
                pairedCases: slice.pairing.coverage.pairedCases, pairedTrials: slice.pairing.coverage.pairedTrials,
                gates: preset.gates, note: sequential ? Self.sequentialPresetNote : nil)
        }
        return verdicts
    }

    static let sequentialPresetNote =
        "fixed-size intervals over the cases sequential judging used: they describe each preset but do not count (stopping early voids a fixed-size interval's coverage)"

    /// Holm's step-down across presets, one family per gate: a preset's gate keeps its decision
    /// only when its adjusted p-value is at most 1 − confidence, else it becomes inconclusive.
    private func holmCorrected(
        _ evidence: [(gates: [GateResult], pValues: [GateResult.Name: Double])], slices: [PresetSlice]
    ) -> [(gates: [GateResult], pValues: [GateResult.Name: Double])] {
        var corrected = evidence
        let alpha = 1 - settings.confidence
        for name in GateResult.Name.allCases {
            let members = evidence.indices.filter { evidence[$0].pValues[name] != nil }
            guard !members.isEmpty else { continue }
            let holm = HolmCorrection(pValues: members.map { evidence[$0].pValues[name]! }, alpha: alpha)
            for (member, adjustment) in zip(members, holm.adjustments) {
                guard let index = corrected[member].gates.firstIndex(where: { $0.name == name }) else { continue }
                corrected[member].gates[index] = Self.holmGate(
                    corrected[member].gates[index], adjustment: adjustment, alpha: alpha, slice: slices[member])
            }
        }
        return corrected
    }

    /// `gate` under its Holm adjustment. McNemar's pass (losses do not outnumber gains) is no
    /// test's decision, so it stands; any other decision needs the adjusted p-value at most α.
    static func holmGate(_ gate: GateResult, adjustment: HolmAdjustment, alpha: Double, slice: PresetSlice) -> GateResult {
        var result = gate
        result.holm = adjustment
        let kept = adjustment.adjustedPValue <= alpha || (gate.name == .completionRegressions && gate.status == .pass)
        let figures = String(format: "Holm-adjusted p = %.4f across %d presets", adjustment.adjustedPValue, adjustment.family)
        guard !kept else {
            result.detail += "; \(figures)"
            return result
        }
        let wasDecided = gate.status != .inconclusive
        result.status = .inconclusive
        if wasDecided {
            result.casesNeeded = casesNeeded(gate, adjustment: adjustment, alpha: alpha, slice: slice)
            result.detail += "; \(figures) > \(String(format: "%.4f", alpha)), so not decided"
                + (result.casesNeeded.map { "; about \($0) paired cases would decide it" } ?? "")
        } else {
            result.detail += "; \(figures)"
        }
        return result
    }

    /// Roughly the cases that would decide a gate Holm left undecided, at the level its rank
    /// is tested at: an interval widened by the ratio of the normal quantiles, or McNemar's
    /// discordant pairs at the stricter α.
    private static func casesNeeded(_ gate: GateResult, adjustment: HolmAdjustment, alpha: Double, slice: PresetSlice) -> Int? {
        let cases = slice.pairing.coverage.pairedCases
        let stricter = 1 - adjustment.confidence
        if let interval = gate.interval {
            let widen = StandardNormal.quantile(1 - stricter / 2) / StandardNormal.quantile(1 - alpha / 2)
            let wide = ConfidenceInterval(
                lower: gate.observed - (gate.observed - interval.lower) * widen,
                upper: gate.observed + (interval.upper - gate.observed) * widen, confidence: adjustment.confidence)
            return Judge.casesNeeded(estimate: gate.observed, interval: wide, threshold: gate.threshold, cases: cases)
        }
        let test = McNemarTest(losses: slice.pairing.completionRegressions.count, gains: slice.pairing.completionGains.count)
        guard let pairs = test.discordantPairsNeeded(alpha: stricter), test.discordant > 0 else { return nil }
        return max(cases + 1, Int((Double(cases) * Double(pairs) / Double(test.discordant)).rounded(.up)))
    }
}
