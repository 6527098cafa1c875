import Foundation
import Testing

@Suite struct ValidateCommandTests {
    static let pair = ["--candidate", "runs/codemode-example", "--baseline", "runs/tool_call-example"]

    @Test func exampleRunsPassAndJSONIsTheOnlyOutput() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(["validate"] + Self.pair + ["--json"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        let document = try json(result.stdout)
        #expect(document["status"] as? String == "pass")
        #expect(document["exit_code"] as? Int == 0)
        #expect(document["schema_version"] as? Int == 1)
        #expect(result.stderr.isEmpty)
    }

    @Test func textTableByDefault() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(["validate"] + Self.pair, in: scratch.url)
        #expect(result.status == 0)
        #expect(result.stdout.contains("PASS"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func exitCodeIsTheVerdict() async throws {
        let scratch = try Scratch().withExamples()
        // Swapping the arms makes tool calling the candidate: more steps, lower reward.
        let fail = try await ModegateBinary.run(
            ["validate", "--candidate", "runs/tool_call-example", "--baseline", "runs/codemode-example", "--json"], in: scratch.url)
        #expect(fail.status == 1)
        #expect(try json(fail.stdout)["status"] as? String == "fail")
        // A threshold at the estimate itself lies inside its interval: inconclusive, exit 2.
        let observed = try json(await ModegateBinary.run(["compare"] + Self.pair + ["--format", "json"], in: scratch.url).stdout)
        let reward = (observed["gates"] as? [[String: Any]])?.first { $0["name"] as? String == "reward" }?["observed"] as? Double
        let strict = try await ModegateBinary.run(
            ["validate"] + Self.pair + ["--min-reward-delta", String(try #require(reward)), "--json"], in: scratch.url)
        #expect(strict.status == 2, "\(strict.stdout)")
        #expect(try json(strict.stdout)["status"] as? String == "inconclusive")
        let point = try await ModegateBinary.run(["validate"] + Self.pair + ["--mode", "point", "--json"], in: scratch.url)
        #expect(point.status == 0)
    }

    @Test func latestAndPreviousFollowRecordedTimesNotModificationTimes() async throws {
        let scratch = try Scratch()
        let store = scratch.url.appendingPathComponent(".modegate/runs")
        try FileManager.default.createDirectory(at: store, withIntermediateDirectories: true)
        let examples = ModegateBinary.repository.appendingPathComponent("docs/examples/runs")
        for name in ["codemode-example", "tool_call-example"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: store.appendingPathComponent(name))
        }
        // Make the older run look newer on disk.
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        for file in ["manifest.json", "summary.json", "results.jsonl"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: store.appendingPathComponent("codemode-example/\(file)").path)
        }
        let result = try await ModegateBinary.run(["validate", "--json"], in: scratch.url)
        let document = try json(result.stdout)
        #expect((document["candidate"] as? [String: Any])?["id"] as? String == "codemode-example")
        #expect((document["baseline"] as? [String: Any])?["id"] as? String == "tool_call-example")
        let runs = try await ModegateBinary.run(["runs"], in: scratch.url)
        #expect(runs.status == 0)
        let lines = runs.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines[1].hasPrefix("codemode-example"))
        let prefix = try await ModegateBinary.run(["show", "tool_call-ex"], in: scratch.url)
        #expect(prefix.status == 0)
        #expect(try json(prefix.stdout)["benchmark_id"] as? String == "tool_call-example")
    }

    @Test func badReferencesAreInvalidInput() async throws {
        let scratch = try Scratch().withExamples()
        let missing = try await ModegateBinary.run(["validate", "--candidate", "nope", "--baseline", "runs/tool_call-example"], in: scratch.url)
        #expect(missing.status == 3)
        #expect(missing.stderr.contains("no run matches 'nope'"))
        #expect(missing.stdout.isEmpty)
        let nothing = try Scratch()
        let empty = try await ModegateBinary.run(["validate"], in: nothing.url)
        #expect(empty.status == 3)
        #expect(empty.stderr.contains("no stored runs"))
        try scratch.write("{\"hello\": 1}", to: "other.json")
        let notARun = try await ModegateBinary.run(["validate", "--candidate", "other.json", "--baseline", "runs/tool_call-example"], in: scratch.url)
        #expect(notARun.status == 3)
        #expect(notARun.stderr.contains("other.json"))
    }

    @Test func damagedResultsAreReportedWithTheirLine() async throws {
        let scratch = try Scratch().withExamples()
        let results = scratch.url.appendingPathComponent("runs/codemode-example/results.jsonl")
        var lines = try String(contentsOf: results, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[3] = "{ not json"
        try (lines.joined(separator: "\n") + "\n").write(to: results, atomically: true, encoding: .utf8)
        let result = try await ModegateBinary.run(["validate"] + Self.pair, in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stderr.contains("results.jsonl:4"))
    }

    @Test func aRunOfANewerSchemaIsInvalidInputNamingTheFileAndBothVersions() async throws {
        let scratch = try Scratch().withExamples()
        let results = scratch.url.appendingPathComponent("runs/codemode-example/results.jsonl")
        var lines = try String(contentsOf: results, encoding: .utf8).split(separator: "\n").map(String.init)
        lines[1] = "{\"schema_version\":9," + lines[1].dropFirst()
        try (lines.joined(separator: "\n") + "\n").write(to: results, atomically: true, encoding: .utf8)
        for command in [["validate"], ["compare"], ["decision"]] {
            let result = try await ModegateBinary.run(command + Self.pair, in: scratch.url)
            #expect(result.status == 3, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("runs/codemode-example/results.jsonl:2: error: schema_version 9 is newer than this modegate reads versions 1 to 2"), "\(command): \(result.stderr)")
        }
    }

    @Test func tornLastLineIsAWarningNotAFailure() async throws {
        let scratch = try Scratch().withExamples()
        let results = scratch.url.appendingPathComponent("runs/codemode-example/results.jsonl")
        let handle = try FileHandle(forWritingTo: results)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"run_id\":\"codemode-exa".utf8))
        try handle.close()
        let result = try await ModegateBinary.run(["validate"] + Self.pair + ["--json"], in: scratch.url)
        #expect(result.status == 0)
        let warnings = try json(result.stdout)["warnings"] as? [String] ?? []
        #expect(warnings.contains { $0.contains("incomplete last line") })
    }

    @Test func usageErrorsExit64() async throws {
        let scratch = try Scratch()
        #expect(try await ModegateBinary.run(["validate", "--confidence", "2"], in: scratch.url).status == 64)
        #expect(try await ModegateBinary.run(["validate", "--bogus"], in: scratch.url).status == 64)
        #expect(try await ModegateBinary.run(["validate", "--report", "pdf:x.pdf"], in: scratch.url).status == 64)
        #expect(try await ModegateBinary.run(["nosuchcommand"], in: scratch.url).status == 64)
    }
}
