import Testing
@testable import ModegateCore

@Suite struct SequentialGateTests {
    @Test func sequentialIsOffByDefaultAndFilledWhenGiven() throws {
        #expect(try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\n", path: "g.yaml").judgement.sequential == nil)
        let plan = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\njudgement: {sequential: {batch_cases: 4}}\n", path: "g.yaml")
        #expect(plan.judgement.sequential == .init(batchCases: 4, minCases: 20))
    }

    @Test func pointModeAndTheP95RatioAreRefusedWhereTheyAreWritten() {
        let error = #expect(throws: DiagnosticsError.self) {
            try GateLoader.load(yaml: """
                version: 1
                workload: {presets: [a]}
                thresholds: {max_p95_latency_increase_ratio: 0.2}
                judgement:
                  mode: point
                  sequential: {batch_cases: 4, min_cases: 8}
                """, path: "g.yaml")
        }
        let lines = error?.diagnostics.map(\.description) ?? []
        #expect(lines.contains { $0.hasPrefix("g.yaml:6:15: error: sequential judging needs judgement.mode: statistical") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("g.yaml:3:46: error: sequential judging cannot judge max_p95_latency_increase_ratio") }, "\(lines)")
    }

    /// Counted per-preset gates and sequential stopping do not mix (docs/judge.md): refused at
    /// the key that asks for them, and per_preset alone loads.
    @Test func perPresetIsRefusedWithSequentialJudging() throws {
        let error = #expect(throws: DiagnosticsError.self) {
            try GateLoader.load(yaml: """
                version: 1
                workload: {presets: [a, b]}
                thresholds: {per_preset: true}
                judgement: {sequential: {batch_cases: 4}}
                """, path: "g.yaml")
        }
        let lines = error?.diagnostics.map(\.description) ?? []
        #expect(lines.contains { $0.hasPrefix("g.yaml:3:26: error: sequential judging cannot count per-preset gates (thresholds.per_preset") }, "\(lines)")
        let plan = try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a, b]}\nthresholds: {per_preset: true}\n", path: "g.yaml")
        #expect(plan.thresholds.perPreset)
        #expect(try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\n", path: "g.yaml").thresholds.perPreset == false)
    }

    @Test func batchAndMinimumHaveRanges() {
        let error = #expect(throws: DiagnosticsError.self) {
            try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\njudgement: {sequential: {batch_cases: 0, min_cases: 1}}\n", path: "g.yaml")
        }
        #expect(error?.diagnostics.count == 2)
    }
}
