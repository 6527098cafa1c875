import ModegateCore
import Testing

/// `GatePlan.applying` is where a command's flags meet the file: set fields win, the rest stay.
@Suite struct GateOverridesTests {
    static func plan() throws -> GatePlan {
        try GateLoader.load(yaml: """
            version: 1
            workload: {presets: [smoke], repetitions: 3, limit: 5, concurrency: 2}
            judgement: {mode: statistical, sequential: {batch_cases: 10, min_cases: 20}}
            """, path: "gate.yaml")
    }

    @Test func nothingOverriddenIsTheSamePlan() throws {
        let plan = try Self.plan()
        #expect(plan.applying(GateOverrides()) == plan)
    }

    @Test func setFieldsWinAndTheLoadedPlanIsUnchanged() throws {
        let plan = try Self.plan()
        let applied = plan.applying(GateOverrides(presets: ["ledger_workflows"], repetitions: 1, limit: 0, sequential: false,
                                                  toolsOverMCP: true))
        #expect(applied.workload.presets == ["ledger_workflows"])
        #expect(applied.workload.repetitions == 1 && applied.workload.limit == 0)
        #expect(applied.judgement.sequential == nil)
        #expect(applied.tools.transport == .mcpStdio)
        // Concurrency is how trials are scheduled, not a key the runs record: it stays.
        #expect(applied.workload.concurrency == 2)
        #expect(plan.workload.repetitions == 3 && plan.judgement.sequential != nil)
    }
}
