import Foundation
import Testing

/// `modegate plan` through the binary: from assumed figures, and from a pilot run of the fault gate.
@Suite(.serialized) struct PlanCommandTests {
    static let faultGate = ModegateBinary.repository.appendingPathComponent("gates/examples/repo-triage-faults.yaml").path

    @Test func assumedFiguresGiveTheFormulasSizes() async throws {
        let scratch = try Scratch()
        let result = try await ModegateBinary.run(
            ["plan", Self.faultGate, "--delta", "0.1", "--between-sd", "0.2", "--within-sd", "0.3", "--json"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try json(result.stdout)
        #expect(plan["source"] as? String == "assumed")
        #expect(plan["workload_cases"] as? Int == 6 && plan["workload_repetitions"] as? Int == 3)
        let reward = try #require((plan["rows"] as? [[String: Any]])?.first { $0["gate"] as? String == "reward" })
        // (1.96 + 0.8416)² × (0.04 + 0.09/3) / 0.1² = 54.95 cases at 3 repetitions.
        let sizes = reward["sizes"] as? [[String: Any]] ?? []
        #expect(sizes.first { $0["repetitions"] as? Int == 3 }?["cases"] as? Int == 55)
        #expect(reward["repetitions_with_workload"] == nil, "6 cases can never be enough")
        #expect(plan["recommended_repetitions"] == nil)

        let text = try await ModegateBinary.run(["plan", Self.faultGate, "--delta", "0.1"], in: scratch.url)
        #expect(text.status == 0)
        #expect(text.stdout.contains("variances assumed"))
        #expect(text.stdout.contains("recommended: more cases"))
        #expect(text.stdout.contains("priced at the rehearsal's estimate per trial"))
    }

    @Test func aPilotsVariancesAndCostsPlanTheGate() async throws {
        let scratch = try Scratch()
        let run = try await ModegateBinary.run(["run", Self.faultGate], in: scratch.url, timeout: 300)
        #expect(run.status == 1, "\(run.stderr)")
        let result = try await ModegateBinary.run(["plan", Self.faultGate, "--pilot", "latest", "--json"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let plan = try json(result.stdout)
        #expect(plan["source"] as? String == "pilot")
        #expect(plan["pilot_cases"] as? Int == 6 && plan["pilot_trials"] as? Int == 18)
        let rows = plan["rows"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["gate"] as? String ?? "" } == ["reward", "completion", "steps", "completion_regressions"])
        #expect(rows.first?["headed_for"] as? String == "fail")
        #expect((rows.first?["expected"] as? Double ?? 0) < -0.3)
        let text = try await ModegateBinary.run(["plan", Self.faultGate, "--pilot", "latest"], in: scratch.url)
        #expect(text.stdout.contains("variances measured on the pilot: 6 paired cases, 18 paired trials"), "\(text.stdout)")
        #expect(text.stdout.contains("priced at the pilot's figures per trial"))

        let bad = try await ModegateBinary.run(["plan", Self.faultGate, "--power", "1.5"], in: scratch.url)
        #expect(bad.status == 64 && bad.stderr.contains("--power must be between 0.5 and 0.999"))
        let nowhere = try await ModegateBinary.run(["plan", Self.faultGate, "--pilot", "no-such-run"], in: scratch.url)
        #expect(nowhere.status == 3, "\(nowhere.stderr)")
    }
}
