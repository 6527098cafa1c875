import Foundation
@testable import ModegateCore
import ModegateReports
import Testing

/// The costs side by side in the text report and the decision document: the same figures from the
/// verdict's `costs`, unrecorded figures spelled out, intervals only where the judge computed them.
@Suite("Costs side by side")
struct CostReportTests {
    let context = VerdictFixtures.context

    func costLines(_ text: String) -> [Substring] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("costs per paired trial") }) else { return [] }
        return Array(lines[start...].prefix { !$0.isEmpty })
    }

    @Test func textTableHasOneAlignedRowPerFigure() throws {
        let lines = costLines(TextRenderer().render(VerdictFixtures.passingStatistical.verdict, context: context))
        #expect(lines.count == 2 + CostFigure.Name.allCases.count)
        #expect(lines[1].hasPrefix("cost ") && lines[1].hasSuffix("interval"))
        let deltaColumn = try #require(lines[1].range(of: "delta")).lowerBound.utf16Offset(in: lines[1])
        for line in lines.dropFirst(2) {
            let cell = line.dropFirst(deltaColumn).prefix(1)
            #expect(cell == "+" || cell == "-", "the delta column is aligned: \(line)")
        }
        #expect(lines.contains { $0.hasPrefix("Cost (USD)") && $0.contains("0.59x") && $0.contains("[-0.003400, -0.002400]") })
        #expect(lines.contains { $0.hasPrefix("Payload suppression") && $0.contains("+90.1 pp") })
    }

    @Test func pointModeLeavesTheIntervalColumnOutAndSpellsOutUnrecordedFigures() {
        let lines = costLines(TextRenderer().render(VerdictFixtures.failingPoint.verdict, context: context))
        #expect(!lines[1].contains("interval"))
        let cost = lines.first { $0.hasPrefix("Cost ") } ?? ""
        #expect(cost.contains("not recorded  not recorded  n/a"), "\(cost)")
        #expect(!lines.contains { $0.contains(" 0.000000") }, "an unrecorded cost is never 0")
    }

    @Test func estimatedTokensAreNamedInTheHeading() {
        let lines = costLines(TextRenderer().render(VerdictFixtures.inconclusive.verdict, context: context))
        #expect(lines.first == "costs per paired trial (72 paired trials; token counts are estimates):")
    }

    @Test func verdictsWithoutPairedTrialsHaveNoCostTable() {
        let error = VerdictFixtures.error.verdict
        #expect(costLines(TextRenderer().render(error, context: context)).isEmpty)
        #expect(MarkdownRenderer().render(error, context: context).contains("No trial paired, so there are no costs to compare."))
    }

    @Test func decisionDocumentShowsTheSameFiguresAsTheText() throws {
        let verdict = VerdictFixtures.passingStatistical.verdict
        let text = costLines(TextRenderer().render(verdict, context: context))
        let markdown = MarkdownRenderer().render(verdict, context: context)
        #expect(markdown.contains("## Costs side by side"))
        #expect(markdown.contains("| Cost (USD) | 0.007100 | 0.004200 | -0.002900 | 0.59x | [-0.003400, -0.002400] |"))
        #expect(markdown.contains("intervals: 95% paired bootstrap of the delta by case"))
        for line in text.dropFirst(2) {
            let title = line.components(separatedBy: "  ").first ?? ""
            #expect(markdown.contains("| \(title) |"), "\(title) is in the document")
        }
    }

    @Test func aCustomTemplateCanListTheCostRows() throws {
        let document = try DecisionDocument(template: "{{#costs.figures}}{{name}}={{delta}};{{/costs.figures}}\n")
        let rendered = document.render(VerdictFixtures.failingPoint.verdict, context: context)
        #expect(rendered.hasPrefix("prompt_tokens=-309.5;completion_tokens=-41.8;cached_tokens=n/a;cost=n/a;"))
    }
}
