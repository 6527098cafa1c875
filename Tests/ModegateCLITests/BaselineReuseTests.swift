import Foundation
import Testing

/// `run --baseline REF` through the binary: a matching stored baseline halves the trials of the
/// next run; a changed preset file is refused with the diff (exit 3) unless
/// `--allow-stale-baseline`, which the verdict and the decision document record.
@Suite(.serialized) struct BaselineReuseTests {
    @Test func aMatchingBaselineIsReusedAndAChangedPresetIsRefusedWithTheDiff() async throws {
        let scratch = try Scratch()
        let preset = try String(contentsOf: ModegateBinary.repository.appendingPathComponent("presets/smoke.yaml"), encoding: .utf8)
        try scratch.write(preset, to: "smoke.yaml")
        try scratch.write("version: 1\nworkload: {presets: [smoke.yaml], repetitions: 2}\nreports: []\n", to: "g.yaml")
        let first = try await ModegateBinary.run(["run", "g.yaml", "--report", "json:first.json"], in: scratch.url, timeout: 300)
        #expect(first.status == 0, "\(first.stderr)")
        let baseline = (try json(scratch.read("first.json"))["baseline"] as? [String: Any])?["id"] as? String ?? ""
        #expect(first.stderr.contains("running baseline"))

        let second = try await ModegateBinary.run(["run", "g.yaml", "--baseline", baseline, "--report", "json:second.json"],
                                                  in: scratch.url, timeout: 300)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stderr.contains("only the candidate is played"))
        #expect(second.stderr.contains("running candidate") && !second.stderr.contains("running baseline"), "\(second.stderr)")
        let verdict = try json(scratch.read("second.json"))
        #expect((verdict["baseline"] as? [String: Any])?["id"] as? String == baseline)
        #expect((verdict["baseline_reuse"] as? [String: Any])?["differences"] as? [String] == [])

        try scratch.write(preset.replacingOccurrences(of: "description:", with: "description: Edited."), to: "smoke.yaml")
        // The runs made before the edit no longer match their preset, and verify says which.
        scratch.damagesRuns = true
        let audit = try await ModegateBinary.run(["verify"], in: scratch.url)
        #expect(audit.status == 3, "\(audit.stdout)")
        #expect(audit.stdout.components(separatedBy: "preset smoke changed since this run").count == 4, "three runs: \(audit.stdout)")
        #expect(audit.stdout.contains("summary.json:"), "\(audit.stdout)")
        let refused = try await ModegateBinary.run(["run", "g.yaml", "--baseline", baseline], in: scratch.url, timeout: 300)
        #expect(refused.status == 3, "\(refused.stderr)")
        #expect(refused.stderr.contains("preset smoke: its file changed (sha256 "), "\(refused.stderr)")
        #expect(refused.stderr.contains("--allow-stale-baseline"))
        let runsBefore = try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent(".modegate/runs").path).count
        #expect(runsBefore == 3, "a refused reuse creates no run")

        let allowed = try await ModegateBinary.run(
            ["run", "g.yaml", "--baseline", baseline, "--allow-stale-baseline", "--report", "json:stale.json", "--report", "markdown:stale.md"],
            in: scratch.url, timeout: 300)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let stale = try json(scratch.read("stale.json"))
        let reuse = stale["baseline_reuse"] as? [String: Any]
        #expect(reuse?["allowed_stale"] as? Bool == true)
        #expect((reuse?["differences"] as? [String])?.first?.hasPrefix("preset smoke: its file changed") == true)
        #expect((stale["warnings"] as? [String])?.contains { $0.contains("reused with --allow-stale-baseline") } == true)
        #expect(try scratch.read("stale.md").contains("Baseline: the stored run \(baseline), reused with --allow-stale-baseline"))

        let wrong = try await ModegateBinary.run(["run", "g.yaml", "--baseline", "latest:codemode"], in: scratch.url)
        #expect(wrong.status == 3 && wrong.stderr.contains("but the gate's baseline is tool_call"), "\(wrong.stderr)")
    }
}
