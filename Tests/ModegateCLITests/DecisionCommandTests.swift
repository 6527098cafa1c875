import Foundation
import Testing

@Suite struct DecisionCommandTests {
    static let pair = ["--candidate", "runs/codemode-example", "--baseline", "runs/tool_call-example"]

    @Test func checklistCarriesOwnerDateAndDecision() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(["decision"] + Self.pair + ["--owner", "Ada Lovelace"], in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Ada Lovelace"))
        #expect(result.stdout.contains("2026-11-22"))
        #expect(result.stdout.contains("codemode-example"))
        #expect(result.stdout.lowercased().contains("promote"))
        #expect(!result.stdout.contains("&lt;") && !result.stdout.contains("&#39;"))
    }

    @Test func ownerFallsBackToGitHubActor() async throws {
        let scratch = try Scratch().withExamples()
        let result = try await ModegateBinary.run(["decision"] + Self.pair, in: scratch.url, environment: ["GITHUB_ACTOR": "octocat"])
        #expect(result.stdout.contains("octocat"))
    }

    @Test func customTemplateAndOutputFile() async throws {
        let scratch = try Scratch().withExamples()
        try scratch.write("Decision {{decision}} by {{owner}} on {{date}}\n", to: "mine.mustache")
        let result = try await ModegateBinary.run(
            ["decision"] + Self.pair + ["--owner", "ops", "--template", "mine.mustache", "--output", "out/decision.md"],
            in: scratch.url)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(try scratch.read("out/decision.md") == "Decision promote by ops on 2026-11-22\n")
    }

    @Test func brokenTemplateIsInvalidInputWithItsPosition() async throws {
        let scratch = try Scratch().withExamples()
        try scratch.write("line one\n{{#gates}}x{{/gate}}\n", to: "bad.mustache")
        let result = try await ModegateBinary.run(["decision"] + Self.pair + ["--template", "bad.mustache"], in: scratch.url)
        #expect(result.status == 3)
        #expect(result.stderr.contains("bad.mustache:2:"))
        let missing = try await ModegateBinary.run(["decision"] + Self.pair + ["--template", "none.mustache"], in: scratch.url)
        #expect(missing.status == 3)
    }
}
