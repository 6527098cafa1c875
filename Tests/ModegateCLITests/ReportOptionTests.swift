import Foundation
import Testing

@Suite struct ReportOptionTests {
    static let pair = ["--candidate", "runs/codemode-example", "--baseline", "runs/tool_call-example"]

    @Test func reportsGoToTheirFiles() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(
            ["validate"] + Self.pair + ["--json", "--report", "junit:out/junit.xml", "--report", "markdown:out/decision.md",
                                        "--report", "json:out/verdict.json"], in: scratch.url)
        #expect(result.status == 0)
        #expect(try json(result.stdout)["status"] as? String == "pass")
        #expect(try scratch.read("out/junit.xml").contains("<testsuite"))
        #expect(try scratch.read("out/decision.md").contains("codemode-example"))
        #expect(try json(scratch.read("out/verdict.json"))["status"] as? String == "pass")
    }

    @Test func githubAnnotationsAndStepSummary() async throws {
        let scratch = try Scratch().withExamples()
        try scratch.write("# earlier step\n", to: "summary.md")
        let result = try await ModegateBinary.run(
            ["compare", "--candidate", "runs/tool_call-example", "--baseline", "runs/codemode-example", "--format", "json",
             "--report", "github"], in: scratch.url,
            environment: ["GITHUB_STEP_SUMMARY": scratch.url.appendingPathComponent("summary.md").path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("::error"))
        let summary = try scratch.read("summary.md")
        #expect(summary.hasPrefix("# earlier step\n"))
        #expect(summary.contains("tool_call-example"))
    }

    @Test func compareFormats() async throws {
        let scratch = try Scratch().withExamples()
        let markdown = try await ModegateBinary.run(["compare"] + Self.pair + ["--format", "markdown"], in: scratch.url)
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("|"))
        let point = try await ModegateBinary.run(["compare"] + Self.pair + ["--format", "json", "--mode", "point"], in: scratch.url)
        #expect(try json(point.stdout)["status"] as? String == "pass")
    }

    /// Stdout carries one rendering: a `--report` for stdout replaces the command's (or the
    /// gate's) own, one the gate already asks for is written once, and two for stdout are refused.
    @Test func stdoutCarriesOneRenderingNeverTwo() async throws {
        let scratch = try Scratch().withExamples()
        let replaced = try await ModegateBinary.run(["validate"] + Self.pair + ["--report", "json"], in: scratch.url)
        #expect(replaced.status == 0)
        #expect(try json(replaced.stdout)["status"] as? String == "pass", "stdout is not one JSON document: \(replaced.stdout.prefix(300))")
        let twice = try await ModegateBinary.run(["validate"] + Self.pair + ["--json", "--report", "json"], in: scratch.url)
        #expect(try json(twice.stdout)["status"] as? String == "pass", "\(twice.stdout.prefix(300))")
        let both = try await ModegateBinary.run(["validate"] + Self.pair + ["--report", "text", "--report", "json"], in: scratch.url)
        #expect(both.status != 0)
        #expect(both.stderr.contains("only one report can go to stdout (text, json were given without a path)"), "\(both.stderr)")

        try scratch.write("""
            version: 1
            workload: {presets: [smoke], limit: 2, repetitions: 1}
            judgement: {mode: point}
            reports: [{format: text}]
            """, to: "gate.yaml")
        let run = try await ModegateBinary.run(["run", "gate.yaml", "--report", "text"], in: scratch.url, timeout: 300)
        #expect(run.status == 0, "\(run.stderr.suffix(500))")
        #expect(run.stdout.components(separatedBy: "\ncoverage  ").count - 1 == 1, "the text was written twice: \(run.stdout)")
        let asJSON = try await ModegateBinary.run(["run", "gate.yaml", "--report", "json"], in: scratch.url, timeout: 300)
        #expect(try json(asJSON.stdout)["status"] as? String == "pass", "\(asJSON.stdout.prefix(300))")
    }
}
