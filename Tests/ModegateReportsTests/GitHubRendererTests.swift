import Foundation
@testable import ModegateCore
@testable import ModegateReports
import Testing

@Suite("GitHub workflow commands")
struct GitHubRendererTests {
    @Test func messagesEscapePercentAndLineBreaks() {
        var verdict = VerdictFixtures.passingStatistical.verdict
        verdict.warnings = ["50% done\r\nnext: a, b"]
        let text = GitHubRenderer().render(verdict, context: VerdictFixtures.context)
        #expect(text.contains("::warning title=modegate::50%25 done%0D%0Anext: a, b\n"))
    }

    @Test func propertiesAlsoEscapeColonAndComma() {
        #expect(GitHubRenderer.command("error", title: "a: b, c%", message: "x: y") == "::error title=a%3A b%2C c%25::x: y")
    }

    @Test func failedGatesAreErrorsAndInconclusiveOnesWarnings() {
        let failing = GitHubRenderer().render(VerdictFixtures.failingPoint.verdict, context: VerdictFixtures.context)
        #expect(failing.split(separator: "\n").filter { $0.hasPrefix("::error title=modegate gate ") }.count == 4)
        let inconclusive = GitHubRenderer().render(VerdictFixtures.inconclusive.verdict, context: VerdictFixtures.context)
        #expect(inconclusive.contains("::warning title=modegate gate reward::"))
        #expect(inconclusive.split(separator: "\n").last?.hasPrefix("::notice title=modegate verdict::verdict: INCONCLUSIVE (exit 2)") == true)
    }

    @Test func stepSummaryIsTheDecisionDocument() {
        let verdict = VerdictFixtures.inconclusive.verdict
        let context = VerdictFixtures.context
        #expect(GitHubRenderer.stepSummary(verdict, context: context) == MarkdownRenderer().render(verdict, context: context))
    }
}
