import Foundation
import Testing

/// The main job end to end, through the built binary.
@Suite(.serialized) struct RunCommandTests {
    static let gates = ModegateBinary.repository.appendingPathComponent("gates")

    @Test func defaultGatePassesAndWritesEveryReport() async throws {
        let scratch = try Scratch()
        let result = try await ModegateBinary.run(
            ["run", Self.gates.appendingPathComponent("codemode.yaml").path, "--report", "github:out/github.txt"],
            in: scratch.url, timeout: 300)
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        #expect(result.stdout.contains("verdict: PASS"))
        let verdict = try json(scratch.read(".modegate/verdict.json"))
        #expect(verdict["status"] as? String == "pass")
        #expect(try scratch.read(".modegate/decision.md").contains("promote"))
        #expect(try scratch.read(".modegate/junit.xml").contains("<testsuite"))
        #expect(try scratch.read("out/github.txt").contains("::notice"))
        // Every stored run is readable by validate.
        let candidate = (verdict["candidate"] as? [String: Any])?["id"] as? String ?? ""
        let baseline = (verdict["baseline"] as? [String: Any])?["id"] as? String ?? ""
        let again = try await ModegateBinary.run(["validate", "--candidate", candidate, "--baseline", baseline, "--json"], in: scratch.url)
        #expect(again.status == 0)
        #expect(try json(again.stdout)["status"] as? String == "pass")
    }

    @Test func faultGateFailsOnCompletionRegressionsAndNamesTheCases() async throws {
        let scratch = try Scratch()
        let result = try await ModegateBinary.run(
            ["run", Self.gates.appendingPathComponent("examples/repo-triage-faults.yaml").path, "--report", "json:v.json"],
            in: scratch.url, timeout: 300)
        #expect(result.status == 1, "\(result.stderr)")
        let verdict = try json(scratch.read("v.json"))
        let regressions = verdict["completion_regressions"] as? [[String: Any]] ?? []
        #expect(!regressions.isEmpty)
        #expect(regressions.allSatisfy { ($0["preset"] as? String) == "repo_triage" })
        #expect(result.stdout.contains("Completion regressions"))
        #expect(result.stdout.contains("repo_triage/"))
    }

    /// A gate slow enough to interrupt: every tool call waits 150 ms.
    static func slowGate(_ scratch: Scratch) throws -> String {
        try scratch.write("""
            version: 1
            workload: {presets: [smoke, function_probe], repetitions: 2, concurrency: 2}
            tools: {faults: {smoke: {latency_ms: 150}, function_probe: {latency_ms: 150}}}
            reports: [{format: json, path: verdict.json}]
            """, to: "slow.yaml")
        return scratch.url.appendingPathComponent("slow.yaml").path
    }

    @Test func interruptedRunResumedGivesTheSameVerdict() async throws {
        let scratch = try Scratch()
        let gate = try Self.slowGate(scratch)
        let full = try await ModegateBinary.run(["run", gate], in: scratch.url, environment: ["MODEGATE_HOME": "full"], timeout: 300)
        #expect(full.status == 0, "\(full.stderr)")
        let expected = try json(scratch.read("verdict.json"))

        let interrupted = try await ModegateBinary.run(
            ["run", gate], in: scratch.url, environment: ["MODEGATE_HOME": "cut"], timeout: 300, interruptAfter: 1.5)
        #expect(interrupted.status == 4, "\(interrupted.stderr)")
        #expect(interrupted.stderr.contains("--resume"))
        let listing = try await ModegateBinary.run(["runs", "--json"], in: scratch.url, environment: ["MODEGATE_HOME": "cut"])
        let listed = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
        let stem = (listed.first?["id"] as? String ?? "").replacingOccurrences(of: "-candidate", with: "").replacingOccurrences(of: "-baseline", with: "")
        let done = listed.compactMap { ($0["metrics"] as? [String: Any])?["attempted_cases"] as? Int }.reduce(0, +)
        #expect(done > 0 && done < 32, "interrupted after \(done) trials")

        let resumed = try await ModegateBinary.run(
            ["run", gate, "--resume", stem], in: scratch.url, environment: ["MODEGATE_HOME": "cut"], timeout: 300)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let verdict = try json(scratch.read("verdict.json"))
        #expect(Self.gateFigures(verdict) == Self.gateFigures(expected))
    }

    @Test func mergedShardsGiveTheSameVerdictAsOneRun() async throws {
        let scratch = try Scratch()
        try scratch.write("""
            version: 1
            workload: {presets: [smoke, code_navigation], repetitions: 2}
            reports: [{format: json, path: verdict.json}]
            """, to: "gate.yaml")
        let whole = try await ModegateBinary.run(["run", "gate.yaml"], in: scratch.url, timeout: 300)
        #expect(whole.status == 0, "\(whole.stderr)")
        let expected = try json(scratch.read("verdict.json"))
        let home = ["MODEGATE_HOME": "sharded"]
        for shard in ["1/2", "2/2"] {
            let part = try await ModegateBinary.run(["run", "gate.yaml", "--shard", shard], in: scratch.url, environment: home, timeout: 300)
            #expect(part.status != 3 && part.status != 4, "\(part.stderr)")
        }
        let ids = try await ModegateBinary.run(["runs"], in: scratch.url, environment: home).stdout
            .split(separator: "\n").dropFirst().map { String($0.split(separator: " ")[0]) }
        #expect(ids.count == 4)
        let gap = try await ModegateBinary.run(["merge"] + ids.prefix(3), in: scratch.url, environment: home)
        #expect(gap.status == 3)
        #expect(gap.stderr.contains("missing shard"))
        let merged = try await ModegateBinary.run(["merge"] + ids + ["--report", "json:merged.json"], in: scratch.url, environment: home)
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(Self.gateFigures(try json(scratch.read("merged.json"))) == Self.gateFigures(expected))
        // The shards' transcripts are merged with their trials: the merged run replays to the same verdict.
        let mergedID = try #require(try await ModegateBinary.run(["runs"], in: scratch.url, environment: home).stdout
            .split(separator: "\n").map { String($0.split(separator: " ")[0]) }.first { $0.hasSuffix("-merged-candidate") })
        let replayed = try await ModegateBinary.run(
            ["run", "gate.yaml", "--replay", mergedID, "--report", "json:replayed.json"], in: scratch.url, environment: home, timeout: 300)
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(Self.gateFigures(try json(scratch.read("replayed.json"))) == Self.gateFigures(expected))
        let overlap = try await ModegateBinary.run(["merge"] + ids + [ids[0]], in: scratch.url, environment: home)
        #expect(overlap.status == 3)
    }

    /// What must match between two verdicts on the same trials: each gate's status and figure.
    static func gateFigures(_ verdict: [String: Any]) -> [String] {
        (verdict["gates"] as? [[String: Any]] ?? []).map { gate in
            let observed = (gate["observed"] as? Double).map { String(format: "%.9f", $0) } ?? "-"
            return "\(gate["name"] ?? "?") \(gate["status"] ?? "?") \(observed)"
        } + ["status \(verdict["status"] ?? "?")"]
    }
}
