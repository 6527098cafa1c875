import Foundation
import ModegateCore
import ModegateReports
import Testing

@Suite("Text report")
struct TextRendererTests {
    @Test(arguments: VerdictFixtures.all)
    func noColourWithoutATerminal(_ fixture: Fixture) {
        let text = TextRenderer().render(fixture.verdict, context: VerdictFixtures.context)
        #expect(!text.contains("\u{1B}["))
    }

    @Test func coloursStatusesOnATerminal() {
        var context = VerdictFixtures.context
        context.colour = true
        let failing = TextRenderer().render(VerdictFixtures.failingPoint.verdict, context: context)
        #expect(failing.contains("\u{1B}[31mFAIL\u{1B}[0m"))
        #expect(failing.contains("\u{1B}[32mPASS\u{1B}[0m"))
        #expect(failing.hasSuffix("verdict: \u{1B}[31mFAIL\u{1B}[0m (exit 1)\n"))
        let inconclusive = TextRenderer().render(VerdictFixtures.inconclusive.verdict, context: context)
        #expect(inconclusive.contains("\u{1B}[33mINCONCLUSIVE\u{1B}[0m"))
    }

    @Test func colourDoesNotMoveColumns() {
        var context = VerdictFixtures.context
        let plain = TextRenderer().render(VerdictFixtures.inconclusive.verdict, context: context)
        context.colour = true
        let coloured = TextRenderer().render(VerdictFixtures.inconclusive.verdict, context: context)
        let stripped = coloured.replacingOccurrences(of: "\u{1B}[31m", with: "")
            .replacingOccurrences(of: "\u{1B}[32m", with: "").replacingOccurrences(of: "\u{1B}[33m", with: "")
            .replacingOccurrences(of: "\u{1B}[0m", with: "")
        #expect(stripped == plain)
    }

    @Test func finalLineNamesVerdictAndExitCode() {
        let context = VerdictFixtures.context
        let lines = VerdictFixtures.all.map { TextRenderer().render($0.verdict, context: context).split(separator: "\n").last ?? "" }
        #expect(lines == [
            "verdict: PASS (exit 0)", "verdict: FAIL (exit 1)", "verdict: INCONCLUSIVE (exit 2)",
            "verdict: ERROR (exit 3): the runs share no cases (candidate run-a: 2 trials, baseline run-b: 2 trials); judge runs of the same presets",
            "verdict: FAIL (exit 1)", "verdict: FAIL (exit 1)", "verdict: PASS (exit 0)",
        ])
    }

    @Test func listsTenRegressionsThenCountsTheRest() {
        let text = TextRenderer().render(VerdictFixtures.failingPoint.verdict, context: VerdictFixtures.context)
        #expect(text.contains("completion regressions (12):\n  invoice_reconciliation/inv-01#0\n"))
        #expect(text.contains("  invoice_reconciliation/inv-10#0\n  … and 2 more\n"))
        #expect(!text.contains("inv-11#0"))
    }
}
