import Foundation
import Testing

/// Sequential judging through the binary, on the shipped gate with injected faults: it stops
/// early with the verdict of the full run; replay, resume and shards keep working (shards are
/// refused with the reason).
@Suite(.serialized) struct SequentialRunTests {
    static let gate = ModegateBinary.repository.appendingPathComponent("gates/examples/sequential-faults.yaml")

    static func statuses(_ verdict: [String: Any]) -> [String] {
        (verdict["gates"] as? [[String: Any]] ?? []).map { "\($0["name"] ?? ""):\($0["status"] ?? "")" }
    }

    /// The same gate without `sequential:`, optionally slowed down.
    static func variants(in scratch: Scratch, latencyMS: Int = 0) throws -> (sequential: String, full: String) {
        var text = try String(contentsOf: gate, encoding: .utf8)
        if latencyMS > 0 { text = text.replacingOccurrences(of: "seed: 11 }", with: "seed: 11, latency_ms: \(latencyMS) }") }
        try scratch.write(text, to: "sequential.yaml")
        try scratch.write(text.replacingOccurrences(of: "  sequential: {batch_cases: 5, min_cases: 10}\n", with: ""), to: "full.yaml")
        return ("sequential.yaml", "full.yaml")
    }

    @Test func stopsEarlyWithTheFullRunsVerdictAndReplays() async throws {
        let scratch = try Scratch()
        let gates = try Self.variants(in: scratch)
        let full = try await ModegateBinary.run(["run", gates.full, "--report", "json:full.json"], in: scratch.url, timeout: 300)
        #expect(full.status == 1, "\(full.stderr)")
        let sequential = try await ModegateBinary.run(["run", gates.sequential, "--report", "json:seq.json"], in: scratch.url, timeout: 300)
        #expect(sequential.status == 1, "\(sequential.stderr)")
        #expect(sequential.stderr.contains("sequential judging decided every gate after"), "\(sequential.stderr)")
        let fullVerdict = try json(scratch.read("full.json"))
        let verdict = try json(scratch.read("seq.json"))
        #expect(Self.statuses(verdict) == Self.statuses(fullVerdict))
        let summary = try #require(verdict["sequential"] as? [String: Any])
        #expect(summary["stopped_early"] as? Bool == true)
        let used = summary["cases_used"] as? Int ?? 0
        #expect(used > 0 && used < (summary["cases_planned"] as? Int ?? 0), "\(summary)")
        #expect(((summary["used"] as? [String: Any])?["trials"] as? Int ?? 0) < ((summary["fixed_size"] as? [String: Any])?["trials"] as? Int ?? 0))
        #expect(sequential.stdout.contains("sequential "), "the text report says what sequential judging did")
        // A run stopped once decided is finished, not cancelled.
        let candidateID = (verdict["candidate"] as? [String: Any])?["id"] as? String ?? ""
        let runs = try await ModegateBinary.run(["show", candidateID], in: scratch.url)
        let shown = try json(runs.stdout)
        #expect(shown["cancelled"] as? Bool == false)
        #expect((shown["stopped_early"] as? String)?.hasPrefix("sequential judging decided every gate") == true)

        let replay = try await ModegateBinary.run(["run", gates.sequential, "--replay", candidateID, "--report", "json:replay.json"],
                                                  in: scratch.url, timeout: 300)
        #expect(replay.status == 1, "\(replay.stderr)")
        let replayed = try json(scratch.read("replay.json"))
        #expect(Self.statuses(replayed) == Self.statuses(verdict))
        #expect((replayed["sequential"] as? [String: Any])?["cases_used"] as? Int == used)

        let sharded = try await ModegateBinary.run(["run", gates.sequential, "--shard", "1/2"], in: scratch.url)
        #expect(sharded.status == 3)
        #expect(sharded.stderr.contains("sequential judging cannot run in shards"), "\(sharded.stderr)")
        #expect(sharded.stderr.contains("(at judgement.sequential)"), "\(sharded.stderr)")
    }

    @Test func anInterruptedSequentialRunResumesToTheSameVerdict() async throws {
        let scratch = try Scratch()
        let gates = try Self.variants(in: scratch, latencyMS: 90)
        let whole = try await ModegateBinary.run(["run", gates.sequential, "--report", "json:whole.json"], in: scratch.url,
                                                 environment: ["MODEGATE_HOME": "whole"], timeout: 300)
        #expect(whole.status == 1, "\(whole.stderr)")
        let cut = try await ModegateBinary.run(["run", gates.sequential], in: scratch.url, environment: ["MODEGATE_HOME": "cut"],
                                               timeout: 300, interruptAfter: 1.0)
        #expect(cut.status == 4, "\(cut.stderr)")
        let listing = try await ModegateBinary.run(["runs", "--json"], in: scratch.url, environment: ["MODEGATE_HOME": "cut"])
        let listed = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]] ?? []
        let stem = (listed.first?["id"] as? String ?? "").replacingOccurrences(of: "-candidate", with: "").replacingOccurrences(of: "-baseline", with: "")
        let resumed = try await ModegateBinary.run(["run", gates.sequential, "--resume", stem, "--report", "json:resumed.json"],
                                                   in: scratch.url, environment: ["MODEGATE_HOME": "cut"], timeout: 300)
        #expect(resumed.status == 1, "\(resumed.stderr)")
        let expected = try json(scratch.read("whole.json"))
        let got = try json(scratch.read("resumed.json"))
        #expect(Self.statuses(got) == Self.statuses(expected))
        #expect((got["sequential"] as? [String: Any])?["cases_used"] as? Int == (expected["sequential"] as? [String: Any])?["cases_used"] as? Int)
    }
}
