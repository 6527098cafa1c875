import Foundation
import Mustache

/// A decision template that does not parse, located like a compiler diagnostic:
/// `template.md:3:10: error: section 'gates' is closed by 'gate'`.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    /// The template's file path as the user gave it, or "template".
    public var templateName: String
    /// 1-based line of the problem in the user's template.
    public var line: Int
    /// 1-based column (in characters) of the problem.
    public var column: Int
    /// What is wrong, in words that name the offending tags where possible.
    public var message: String

    /// Creates an error at a position.
    public init(templateName: String, line: Int, column: Int, message: String) {
        self.templateName = templateName
        self.line = line
        self.column = column
        self.message = message
    }

    /// `TEMPLATE:LINE:COLUMN: error: MESSAGE`, as compilers print it.
    public var description: String { "\(templateName):\(line):\(column): error: \(message)" }

    /// Translates swift-mustache's error, whose position counts `linesBefore` lines that modegate put
    /// in front of the user's text, and whose cases do not name the sections involved.
    init(_ error: MustacheTemplate.ParserError, template: String, name: String, linesBefore: Int) {
        let line = max(1, error.context.lineNumber - linesBefore)
        let column = error.context.columnNumber
        self.init(templateName: name, line: line, column: column, message: "invalid template")
        let scan = SectionScan(template)
        switch error.error as? MustacheTemplate.Error {
        case .sectionCloseNameIncorrect:
            let closing = Self.name(in: error.context.line, from: column)
            if let open = scan.openSections(before: (line, column)).last {
                message = "section '\(open.name)' is closed by '\(closing)'"
            } else {
                message = "'\(closing)' closes a section that is not open"
            }
        case .expectedSectionEnd:
            // Mustache reports the end of the text; the opening tag is where the fix goes.
            if let open = scan.openSections(before: nil).last {
                (self.line, self.column) = (open.line, open.column)
                message = "section '\(open.name)' is never closed (add {{/\(open.name)}})"
            } else {
                message = "a section is never closed"
            }
        case .unfinishedName: message = "unfinished tag: expected a name followed by '}}'"
        case .invalidSetDelimiter: message = "malformed set-delimiter tag: expected {{=<% %>=}}"
        case .transformAppliedToInheritanceSection: message = "a transform cannot be applied to a block"
        case .illegalTokenInsideInheritSection, .textInsideInheritSection:
            message = "only block overrides ({{$name}}…{{/name}}) may appear inside a parent tag"
        case .invalidConfigVariableSyntax: message = "malformed pragma: expected {{% CONTENT_TYPE: TEXT}}"
        case .unrecognisedConfigVariable:
            message = "unknown pragma or content type (CONTENT_TYPE accepts MARKDOWN, TEXT or HTML)"
        case nil: message = "invalid template: \(error.error)"
        }
    }

    /// The tag name starting at a 1-based column of a line, e.g. `gate` in `{{/ gate }}`.
    private static func name(in line: String, from column: Int) -> String {
        let rest = line.dropFirst(max(0, column - 1)).drop { $0 == " " || $0 == "\t" }
        return String(rest.prefix { $0 != "}" && $0 != " " && $0 != "\t" })
    }
}
