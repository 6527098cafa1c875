import Foundation
import Testing
@testable import ModegateCore

@Suite struct PresetVerdictTests {
    static let settings = JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 1000, seed: 42)

    /// Runs over `shifts.count` presets (`p0`, `p1`, …): the candidate's reward is the baseline's
    /// plus noise plus the preset's shift; completion and steps are the same in both arms.
    static func runs(shifts: [Double], cases: Int = 20, repetitions: Int = 2, seed: UInt64 = 3)
        -> (candidate: StoredRun, baseline: StoredRun)
    {
        var noise = Noise(seed: seed)
        var candidate: [TrialOutcome] = []
        var baseline: [TrialOutcome] = []
        for (index, shift) in shifts.enumerated() {
            for caseIndex in 0..<cases {
                for repetition in 0..<repetitions {
                    let key = PairKey(preset: "p\(index)", caseID: String(format: "case-%03d", caseIndex), repetition: repetition)
                    let reward = noise.unit()
                    baseline.append(TrialOutcome(key: key, completed: true, reward: reward, steps: 3, promptTokens: 100, latency: 1))
                    candidate.append(TrialOutcome(
                        key: key, completed: true, reward: reward + shift + (noise.unit() - 0.5) * 0.4, steps: 3,
                        promptTokens: 100, latency: 1))
                }
            }
        }
        return (RunBuilder(id: "cand", strategy: .codemode).stored(candidate),
                RunBuilder(id: "base", strategy: .toolCall).stored(baseline))
    }

    static func judge(_ runs: (candidate: StoredRun, baseline: StoredRun), perPreset: Bool,
                      settings: JudgementSettings = settings) -> Verdict {
        var thresholds = Thresholds.rlmDefaults
        thresholds.minRewardDelta = -0.05
        thresholds.perPreset = perPreset
        return Judge(thresholds: thresholds, settings: settings).judge(candidate: runs.candidate, baseline: runs.baseline)
    }

    @Test func everyPresetGetsTheOverallGatesOnItsOwnTrials() throws {
        let verdict = Self.judge(Self.runs(shifts: [0.1, -0.3]), perPreset: false)
        #expect(verdict.byPreset.keys.sorted() == ["p0", "p1"])
        let p0 = try #require(verdict.byPreset["p0"])
        #expect(p0.gates.map(\.name) == verdict.gates.map(\.name))
        #expect((p0.pairedCases, p0.pairedTrials) == (20, 40))
        #expect(p0.counts == false)
        #expect(p0.gates.first { $0.name == .reward }?.status == .pass)
        #expect(verdict.byPreset["p1"]?.gates.first { $0.name == .reward }?.status == .fail)
        #expect(verdict.byPreset["p1"]?.status == .fail)
        // Without per_preset the failing preset describes, the overall gates decide.
        #expect(verdict.status == Judge.combine(verdict.gates.map(\.status)))
        #expect(p0.gates.allSatisfy { $0.holm == nil })
    }

    @Test func perPresetGatesCountWithHolmsCorrection() throws {
        let runs = Self.runs(shifts: [0.1, 0.1, 0.1, -0.3])
        let off = Self.judge(runs, perPreset: false)
        let on = Self.judge(runs, perPreset: true)
        #expect(off.gates == on.gates)
        #expect(off.status != .fail)
        #expect(on.status == .fail)
        #expect(on.exitStatus == .fail)
        let reward = try #require(on.byPreset["p3"]?.gates.first { $0.name == .reward })
        let holm = try #require(reward.holm)
        #expect(reward.status == .fail && holm.family == 4 && holm.adjustedPValue <= 0.05)
        #expect(on.byPreset.values.allSatisfy { $0.counts })
    }

    /// A preset whose interval barely excludes the threshold is decided uncorrected and left
    /// undecided by Holm across several presets; with one preset Holm changes nothing.
    @Test func holmOnlyEverWithdrawsDecisions() async throws {
        for seed in UInt64(0)..<12 {
            await Task.yield()
            let runs = Self.runs(shifts: [-0.02, -0.1, -0.1, -0.12], cases: 12, seed: seed)
            let off = Self.judge(runs, perPreset: false)
            let on = Self.judge(runs, perPreset: true)
            for (preset, verdict) in on.byPreset {
                for (corrected, plain) in zip(verdict.gates, try #require(off.byPreset[preset]).gates) {
                    #expect(corrected.status == plain.status || corrected.status == .inconclusive)
                    #expect(corrected.interval == plain.interval)
                }
            }
        }
        let single = Self.runs(shifts: [-0.1], cases: 12)
        let off = Self.judge(single, perPreset: false)
        let on = Self.judge(single, perPreset: true)
        #expect(on.byPreset["p0"]?.gates.map(\.status) == off.byPreset["p0"]?.gates.map(\.status))
        // One preset: its gates repeat the overall gates (the same seed, the same trials).
        #expect(off.byPreset["p0"]?.gates == off.gates)
    }

    @Test func pointModeCountsPresetsWithoutCorrection() throws {
        var settings = Self.settings
        settings.mode = .point
        let verdict = Self.judge(Self.runs(shifts: [0.1, 0.1, -0.3]), perPreset: true, settings: settings)
        #expect(verdict.status == .fail)
        let reward = try #require(verdict.byPreset["p2"]?.gates.first { $0.name == .reward })
        #expect(reward.status == .fail && reward.holm == nil && reward.interval == nil)
    }

    @Test func sequentialVerdictsDescribePresetsWithFixedSizeFigures() throws {
        var settings = Self.settings
        settings.sequential = .init(batchCases: 10, minCases: 20)
        let verdict = Self.judge(Self.runs(shifts: [0.1, -0.3], cases: 30), perPreset: true, settings: settings)
        let preset = try #require(verdict.byPreset["p1"])
        #expect(preset.counts == false)
        #expect(preset.note?.contains("fixed-size") == true)
        #expect(preset.gates.first { $0.name == .reward }?.interval?.confidence == 0.95)
    }

    @Test func errorVerdictsHaveNoPresets() {
        let runs = Self.runs(shifts: [0])
        let other = RunBuilder(id: "other", strategy: .toolCall, preset: "elsewhere").run(cases: 3) { _, _ in (true, 1, 1) }
        let verdict = Judge(thresholds: .rlmDefaults, settings: Self.settings).judge(candidate: runs.candidate, baseline: other)
        #expect(verdict.status == .error)
        #expect(verdict.byPreset.isEmpty)
    }
}
