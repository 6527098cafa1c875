import Foundation
import Testing

/// `modegate verify` from the binary: clean runs pass, each kind of disagreement is printed at
/// its file and line with exit 3, and what cannot be checked is a note.
@Suite struct VerifyCommandTests {
    /// A small gate run in a fresh directory: 3 smoke cases, 2 repetitions, both arms.
    static func recorded() async throws -> (scratch: Scratch, baseline: URL, candidate: URL) {
        let scratch = try Scratch()
        let preset = try String(contentsOf: ModegateBinary.repository.appendingPathComponent("presets/smoke.yaml"), encoding: .utf8)
        try scratch.write(preset, to: "smoke.yaml")
        try scratch.write("version: 1\nworkload: {presets: [smoke.yaml], repetitions: 2}\nreports: []\n", to: "g.yaml")
        let run = try await ModegateBinary.run(["run", "g.yaml"], in: scratch.url, timeout: 300)
        #expect(run.status == 0, "\(run.stderr)")
        let runs = scratch.url.appendingPathComponent(".modegate/runs")
        let folders = try FileManager.default.contentsOfDirectory(atPath: runs.path).sorted().map { runs.appendingPathComponent($0) }
        let baseline = try #require(folders.first { $0.lastPathComponent.hasSuffix("-baseline") })
        let candidate = try #require(folders.first { $0.lastPathComponent.hasSuffix("-candidate") })
        return (scratch, baseline, candidate)
    }

    @Test func aFreshGateRunIsCleanHoweverItIsNamed() async throws {
        let (scratch, baseline, candidate) = try await Self.recorded()
        let stem = baseline.lastPathComponent.replacingOccurrences(of: "-baseline", with: "")
        for arguments in [[], [stem], [".modegate/runs"], [baseline.path, candidate.lastPathComponent]] {
            let result = try await ModegateBinary.run(["verify"] + arguments, in: scratch.url)
            #expect(result.status == 0, "\(arguments): \(result.stdout)")
            #expect(result.stderr.contains("verified 2 runs: all clean"), "\(arguments): \(result.stderr)")
            #expect(result.stdout.contains("\(stem)-baseline: ok (summary.json is what results.jsonl gives"))
            #expect(result.stdout.contains("6 trials of the run's presets and repetitions, each once"))
            #expect(result.stdout.contains("6 transcripts match their results (model requests, tool calls, tokens, latency)"))
            #expect(result.stdout.contains("gate file g.yaml is the one run; 1 preset file(s) are the ones run"))
        }
    }

    @Test func everyDisagreementIsNamedAtItsFileAndLine() async throws {
        let (scratch, baseline, candidate) = try await Self.recorded()
        scratch.damagesRuns = true
        let b = ".modegate/runs/\(baseline.lastPathComponent)"
        let c = ".modegate/runs/\(candidate.lastPathComponent)"
        // The summary says a reward the trials do not give.
        let summary = baseline.appendingPathComponent("summary.json")
        let text = try String(contentsOf: summary, encoding: .utf8)
        try text.replacingOccurrences(of: "\"avg_reward\" : 1,", with: "\"avg_reward\" : 0.5,").write(to: summary, atomically: true, encoding: .utf8)
        // A results line counts one tool call more than its transcript traced.
        try Self.edit(candidate.appendingPathComponent("results.jsonl"), line: 2) { $0["tool_calls"] = (($0["tool_calls"] as? Int) ?? 0) + 1 }
        // A trial lost its transcript line.
        try Self.edit(candidate.appendingPathComponent("transcripts.jsonl"), line: 4, remove: true)

        let result = try await ModegateBinary.run(["verify"], in: scratch.url)
        #expect(result.status == 3, "\(result.stdout)")
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("  \"avg_reward\"") }) + 1
        #expect(result.stdout.contains("\(b)/summary.json:\(line): avg_reward is 0.5; results.jsonl gives 1"), "\(result.stdout)")
        #expect(result.stdout.contains("\(c)/transcripts.jsonl:2: trial smoke/"), "\(result.stdout)")
        let traced = try #require(try JSONSerialization.jsonObject(with: Data(String(contentsOf: candidate.appendingPathComponent("transcripts.jsonl"), encoding: .utf8)
            .split(separator: "\n")[1].utf8)) as? [String: Any])["tool_calls"] as? [Any]
        #expect(result.stdout.contains("tool calls: \(traced?.count ?? -1) here; results.jsonl:2 records tool_calls \((traced?.count ?? -1) + 1)"), "\(result.stdout)")
        #expect(result.stdout.contains("\(c)/summary.json:"), "the summary's totals no longer match either: \(result.stdout)")
        #expect(result.stdout.contains("\(c)/results.jsonl:4: trial smoke/"), "\(result.stdout)")
        #expect(result.stdout.contains("has no line in transcripts.jsonl"), "\(result.stdout)")
        #expect(result.stderr.contains("verified 2 runs: 2 with"), "\(result.stderr)")
    }

    @Test func aNewerLineAndANonRunAreRefused() async throws {
        let (scratch, _, candidate) = try await Self.recorded()
        scratch.damagesRuns = true
        try Self.edit(candidate.appendingPathComponent("transcripts.jsonl"), line: 3) { $0["schema_version"] = 5 }
        let result = try await ModegateBinary.run(["verify", candidate.path], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stdout.contains("transcripts.jsonl:3: schema_version 5 is newer than this modegate reads versions 1 to 2"), "\(result.stdout)")
        try scratch.write("{}", to: "elsewhere/notes.json")
        let notARun = try await ModegateBinary.run(["verify", "elsewhere"], in: scratch.url)
        #expect(notARun.status == 3)
        #expect(notARun.stderr.contains("elsewhere: error: cannot read: neither a run folder"), "\(notARun.stderr)")
    }

    @Test func anUnfinishedRunAndAnOlderVersionAreNotesNotFailures() async throws {
        let (scratch, baseline, _) = try await Self.recorded()
        try FileManager.default.removeItem(at: baseline.appendingPathComponent("summary.json"))
        let versionOne = ModegateBinary.repository.appendingPathComponent("Tests/ModegateCoreTests/Fixtures/runs/version-1")
        let result = try await ModegateBinary.run(["verify", "--verbose", baseline.path, versionOne.path], in: scratch.url)
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("summary.json: none: the run did not finish"), "\(result.stdout)")
        #expect(result.stdout.contains("2 of 2 lines are of schema version 1, read through the migration to 2"), "\(result.stdout)")
        #expect(result.stdout.contains("the gate file gates/codemode.yaml is not here"), "\(result.stdout)")
        #expect(result.stderr.contains("verified 3 runs: all clean"), "\(result.stderr)")
    }

    /// Rewrites (or with `remove`, deletes) one 1-based line of a JSON-lines file.
    static func edit(_ file: URL, line: Int, remove: Bool = false, _ change: (inout [String: Any]) -> Void = { _ in }) throws {
        var lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
        if remove {
            lines.remove(at: line - 1)
        } else {
            var object = try #require(try JSONSerialization.jsonObject(with: Data(lines[line - 1].utf8)) as? [String: Any])
            change(&object)
            lines[line - 1] = String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
        }
        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
    }
}
