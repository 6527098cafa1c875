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

    @Test func batchAndMinimumHaveRanges() {
        let error = #expect(throws: DiagnosticsError.self) {
            try GateLoader.load(yaml: "version: 1\nworkload: {presets: [a]}\njudgement: {sequential: {batch_cases: 0, min_cases: 1}}\n", path: "g.yaml")
        }
        #expect(error?.diagnostics.count == 2)
    }
}
