import Foundation
import ModegateCore
@testable import ModegateReports
import Testing

@Suite("Decision document")
struct DecisionDocumentTests {
    let context = VerdictFixtures.context

    @Test func builtInTemplateParses() throws {
        _ = try DecisionDocument(template: DecisionDocument.defaultTemplate)
    }

    @Test func customTemplateRendersPreformattedValues() throws {
        let template = """
            {{candidate.id}} vs {{baseline.id}}: {{status_label}} ({{decision}}) on {{date}} by {{owner}}
            {{#gates}}
            {{name}}={{observed}} {{bound}} {{status}}
            {{/gates}}
            """
        var context = self.context
        context.owner = "Dana Release"
        let text = try DecisionDocument(template: template).render(VerdictFixtures.failingPoint.verdict, context: context)
        #expect(text.hasPrefix("bench_cand vs bench_base: FAIL (hold) on 2026-01-02 by Dana Release\nreward=-0.090 >= +0.000 fail\n"))
        #expect(text.contains("completion=-30.0% >= +0.0% fail\n"))
    }

    @Test func markdownIsNotHTMLEscaped() {
        let text = MarkdownRenderer().render(VerdictFixtures.failingPoint.verdict, context: context)
        #expect(text.contains("\"<done> & 100% \\| ok\" then stopped"))
        #expect(!text.contains("&lt;") && !text.contains("&amp;") && !text.contains("&quot;") && !text.contains("&#"))
    }

    @Test func ownerDefaultsToUnassigned() {
        let text = MarkdownRenderer().render(VerdictFixtures.passingStatistical.verdict, context: context)
        #expect(text.contains("Owner: **unassigned** · Date: 2026-01-02"))
        #expect(text.contains("  - [x] promote\n  - [ ] hold\n"))
    }

    @Test func misnamedSectionEndIsLocated() {
        let template = "# {{title}}\n{{#gates}}\n  {{/gate}}\n"
        #expect {
            try DecisionDocument(template: template, templateName: "template.md")
        } throws: { error in
            "\(error)" == "template.md:3:6: error: section 'gates' is closed by 'gate'"
        }
    }

    @Test func unclosedSectionPointsAtItsOpeningTag() {
        let template = "intro\n\n  {{#checklist}}\n- {{title}}\n"
        #expect {
            try DecisionDocument(template: template, templateName: "t.md")
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return (error.line, error.column) == (3, 3) && error.message.hasPrefix("section 'checklist' is never closed")
        }
    }

    @Test func badPragmaIsLocated() {
        #expect {
            try DecisionDocument(template: "ok\n{{% COLOUR: red}}\n")
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.line == 2 && error.templateName == "template" && error.message.hasPrefix("unknown pragma")
        }
    }

    /// docs/reports.md lists the template keys; the context must offer exactly those.
    @Test func documentedKeysMatchTheContext() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/reports.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        // Only the key table: it starts at its header row.
        let table = text.components(separatedBy: "| key | value |\n").last ?? ""
        let documented = Set(table.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `"), let end = line.dropFirst(3).firstIndex(of: "`") else { return nil }
            return String(line[line.index(line.startIndex, offsetBy: 3)..<end])
        })
        var offered = Set<String>()
        for fixture in VerdictFixtures.all {
            offered.formUnion(Self.paths(DecisionContext(verdict: fixture.verdict, context: context).values, prefix: ""))
        }
        #expect(offered.subtracting(documented).sorted() == [], "keys missing from docs/reports.md")
        #expect(documented.subtracting(offered).sorted() == [], "documented keys the context does not offer")
    }

    /// `ARM.id` (for `candidate.id` and `baseline.id`), `gates[].title`: the spelling docs/reports.md uses.
    static func paths(_ tree: [String: Any], prefix: String) -> Set<String> {
        var paths = Set<String>()
        for (key, value) in tree {
            let path = (prefix == "candidate." || prefix == "baseline." ? "ARM." : prefix) + key
            paths.insert(path)
            if let nested = value as? [String: Any] {
                paths.formUnion(Self.paths(nested, prefix: path + "."))
            } else if let items = value as? [Any] {
                for case let item as [String: Any] in items { paths.formUnion(Self.paths(item, prefix: path + "[].")) }
            }
        }
        return paths
    }
}
