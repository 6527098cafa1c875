import Foundation
import ModegateCore
import Mustache

/// The release-decision checklist of DESIGN §9 as a Mustache template filled from a verdict.
/// The built-in template serves `--report markdown`, `modegate decision` and the GitHub step
/// summary; `--template FILE` swaps in a user's template with the same keys (docs/reports.md).
public struct DecisionDocument: Sendable {
    /// The parsed template, with the Markdown content type switched on in front of it.
    private let template: MustacheTemplate

    /// The document with the built-in template, parsed once.
    public static let standard: DecisionDocument = {
        do {
            return try DecisionDocument()
        } catch {
            // The built-in template is part of the program, not user input; a test parses it.
            preconditionFailure("the built-in decision template does not parse: \(error)")
        }
    }()

    /// Parses a template. `templateName` (a file path for `--template`) prefixes error positions.
    /// - Throws: `TemplateError` naming the line and column of the first problem.
    public init(template: String = defaultTemplate, templateName: String = "template") throws {
        MarkdownContentType.register()
        // Values must not be HTML-escaped in Markdown (`&lt;`), which is Mustache's default. A
        // standalone pragma line in front switches every template to the Markdown content type
        // without asking users to write it; a template may still set its own CONTENT_TYPE.
        let prefixed = "{{% CONTENT_TYPE: \(MarkdownContentType.name)}}\n" + template
        do {
            self.template = try MustacheTemplate(string: prefixed)
        } catch let error as MustacheTemplate.ParserError {
            throw TemplateError(error, template: template, name: templateName, linesBefore: 1)
        }
    }

    /// Fills the template; the keys are documented in docs/reports.md.
    public func render(_ verdict: Verdict, context: ReportContext) -> String {
        template.render(DecisionContext(verdict: verdict, context: context).values)
    }
}
