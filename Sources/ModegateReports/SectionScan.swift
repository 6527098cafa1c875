import Foundation

/// Which sections are open at a point of a template, found by a light scan of its tags. It only
/// names sections for error messages; Mustache's own parser decides what is valid.
struct SectionScan {
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
