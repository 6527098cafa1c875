import Foundation
import Testing

/// Per-preset gates through the binary: the shipped gate with faults in repo_triage only, whose
/// overall gates are inconclusive while repo_triage's fail. With `per_preset: true` the verdict
/// fails (exit 1); the same runs judged with it off are inconclusive (exit 2), the preset's
/// failure reported but not counted.
@Suite(.serialized) struct PerPresetRunTests {
    static let gate = ModegateBinary.repository.appendingPathComponent("gates/examples/per-preset-faults.yaml")

    static func presetStatus(_ verdict: [String: Any], _ preset: String, gate: String) -> String? {
        let presets = verdict["by_preset"] as? [String: Any]
        let gates = (presets?[preset] as? [String: Any])?["gates"] as? [[String: Any]] ?? []
        return gates.first { $0["name"] as? String == gate }?["status"] as? String
    }

    @Test func aFailingPresetFailsTheVerdictOnlyWhenPresetsCount() async throws {
        let scratch = try Scratch()
        let run = try await ModegateBinary.run(
            ["run", Self.gate.path, "--report", "json:on.json", "--report", "junit:on.xml", "--report", "text"],
            in: scratch.url, timeout: 300)
        #expect(run.status == 1, "\(run.stderr)\n\(run.stdout)")
        let verdict = try json(scratch.read("on.json"))
        let presets = try #require(verdict["by_preset"] as? [String: Any])
        #expect(presets.keys.sorted() == ["repo_triage", "smoke"])
        #expect((verdict["gates"] as? [[String: Any]] ?? []).allSatisfy { $0["status"] as? String != "fail" },
                "the overall gates do not fail on their own")
        #expect(Self.presetStatus(verdict, "repo_triage", gate: "reward") == "fail")
        #expect(Self.presetStatus(verdict, "smoke", gate: "reward") == "pass")
        let triage = try #require(presets["repo_triage"] as? [String: Any])
        #expect(triage["counts"] as? Bool == true)
        let reward = (triage["gates"] as? [[String: Any]] ?? []).first { $0["name"] as? String == "reward" }
        let holm = try #require(reward?["holm"] as? [String: Any])
        #expect(holm["family"] as? Int == 2)
        #expect((holm["adjusted_p_value"] as? Double ?? 1) <= 0.05)
        #expect(run.stdout.contains("by preset (counted (thresholds.per_preset)"))
        let junit = try scratch.read("on.xml")
        #expect(junit.contains("<testsuite name=\"modegate.preset.repo_triage\""))
        #expect(junit.contains("<testsuite name=\"modegate.preset.smoke\""))
        #expect(junit.contains("type=\"gate_failed\""))

        // The same runs, judged with per_preset off: the overall gates alone decide.
        let off = try String(contentsOf: Self.gate, encoding: .utf8).replacingOccurrences(of: "per_preset: true", with: "per_preset: false")
        try scratch.write(off, to: "off.yaml")
        let candidate = (verdict["candidate"] as? [String: Any])?["id"] as? String ?? ""
        let baseline = (verdict["baseline"] as? [String: Any])?["id"] as? String ?? ""
        let judged = try await ModegateBinary.run(
            ["validate", "--gate", "off.yaml", "--candidate", candidate, "--baseline", baseline, "--report", "json:off.json",
             "--report", "junit:off.xml"], in: scratch.url)
        #expect(judged.status == 2, "\(judged.stderr)\n\(judged.stdout)")
        let descriptive = try json(scratch.read("off.json"))
        #expect(Self.presetStatus(descriptive, "repo_triage", gate: "reward") == "fail")
        let offJUnit = try scratch.read("off.xml")
        #expect(!offJUnit.contains("<failure"))
        #expect(offJUnit.contains("does not count: thresholds.per_preset is off"))
    }

    @Test func perPresetWithSequentialJudgingIsRefusedAtLoad() async throws {
        let scratch = try Scratch()
        let text = try String(contentsOf: Self.gate, encoding: .utf8)
            .replacingOccurrences(of: "  bootstrap_resamples: 1000\n", with: "  sequential: {batch_cases: 2, min_cases: 4}\n")
        try scratch.write(text, to: "sequential.yaml")
        let result = try await ModegateBinary.run(["run", "sequential.yaml"], in: scratch.url, timeout: 120)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("thresholds.per_preset"), "\(result.stderr)")
    }
}
