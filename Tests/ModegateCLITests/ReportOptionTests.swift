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
}
