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

/// Which sections are open at a point of a template, found by a light scan of its tags. It only
/// names sections for error messages; Mustache's own parser decides what is valid.
private struct SectionScan {
    struct Open {
        var name: String
        var line: Int
        var column: Int
    }

    private let characters: [Character]

    init(_ template: String) { characters = Array(template) }

    /// Sections still open when the scan reaches a 1-based position (nil: the end of the text).
    /// Gives up (returns none) at a set-delimiter tag, whose effect the scan does not follow.
    func openSections(before limit: (line: Int, column: Int)?) -> [Open] {
        var stack: [Open] = []
        var index = 0
        var line = 1
        var column = 1
        func reached() -> Bool {
            guard let limit else { return false }
            return line > limit.line || (line == limit.line && column >= limit.column)
        }
        while index < characters.count, !reached() {
            if characters[index] == "{", index + 1 < characters.count, characters[index + 1] == "{",
                let end = closingBraces(after: index + 2)
            {
                let tag = String(characters[(index + 2)..<end]).trimmingCharacters(in: .whitespaces)
                let start = (line, column)
                // A tag that ends past the limit is the one being reported on: leave it out.
                let length = end + 2 - index
                if let limit, line == limit.line, column + length > limit.column { break }
                if tag.first == "=" { return [] }
                let name = String(tag.dropFirst()).trimmingCharacters(in: .whitespaces)
                switch tag.first {
                case "#", "^", "$", "<": stack.append(Open(name: name, line: start.0, column: start.1))
                case "/": if !stack.isEmpty { stack.removeLast() }
                default: break
                }
                column += length
                index = end + 2
                continue
            }
            if characters[index].isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
            index += 1
        }
        return stack
    }

    /// Index of the `}}` that ends a tag opened before `start`, if it is on the same line.
    private func closingBraces(after start: Int) -> Int? {
        var index = start
        while index + 1 < characters.count, !characters[index].isNewline {
            if characters[index] == "}", characters[index + 1] == "}" { return index }
            index += 1
        }
        return nil
    }
}
