/// Splits JavaScript into tokens — identifiers, punctuators, string, template, number and regex
/// literals — skipping comments, so that policy checks look at code and never at the inside of a
/// string, a comment or a regular expression. Not a full parser: just enough to know which words
/// are code. Returns nil for text it cannot split (an unterminated literal); the engine's parser
/// then reports the syntax error.
struct JavaScriptTokenizer {
    private let characters: [Character]
    private var index = 0
    private var tokens: [JavaScriptToken] = []
    /// Open `${` of template literals, so the `}` that closes one resumes the template.
    private var templateDepths: [Int] = []
    private var braceDepth = 0

    init(_ source: String) { characters = Array(source) }

    static func tokens(of source: String) -> [JavaScriptToken]? {
        var tokenizer = JavaScriptTokenizer(source)
        return tokenizer.run()
    }

    private mutating func run() -> [JavaScriptToken]? {
        while index < characters.count {
            let character = characters[index]
            if character.isWhitespace { index += 1; continue }
            if character == "/" && peek(1) == "/" { skipLine(); continue }
            if character == "/" && peek(1) == "*" { guard skipBlockComment() else { return nil }; continue }
            let start = index
            if character == "\"" || character == "'" {
                guard let value = readString(quote: character) else { return nil }
                tokens.append(JavaScriptToken(kind: .string, text: value, offset: start))
            } else if character == "`" {
                index += 1
                guard readTemplateChunk(start: start) else { return nil }
            } else if character == "}" && templateDepths.last == braceDepth {
                templateDepths.removeLast()
                braceDepth -= 1
                index += 1
                guard readTemplateChunk(start: start) else { return nil }
            } else if character.isNumber || (character == "." && (peek(1)?.isNumber ?? false)) {
                readNumber(start: start)
            } else if Self.startsIdentifier(character) {
                while index < characters.count, Self.continuesIdentifier(characters[index]) { index += 1 }
                tokens.append(JavaScriptToken(kind: .identifier, text: String(characters[start..<index]), offset: start))
            } else if character == "/" && regexAllowed {
                guard readRegex(start: start) else { return nil }
            } else {
                readPunctuator(start: start)
            }
        }
        return templateDepths.isEmpty ? tokens : nil
    }

    // MARK: Literals

    private mutating func readString(quote: Character) -> String? {
        index += 1
        var value = ""
        while index < characters.count {
            let character = characters[index]
            if character == quote { index += 1; return value }
            if character == "\n" { return nil }
            if character == "\\" {
                guard let escaped = peek(1) else { return nil }
                value.append(Self.unescape(escaped))
                index += 2
                continue
            }
            value.append(character)
            index += 1
        }
        return nil
    }

    /// Reads template text up to its end or to a `${`, which opens an expression.
    private mutating func readTemplateChunk(start: Int) -> Bool {
        while index < characters.count {
            let character = characters[index]
            if character == "\\" { index += 2; continue }
            if character == "`" {
                index += 1
                tokens.append(JavaScriptToken(kind: .template, text: "", offset: start))
                return true
            }
            if character == "$" && peek(1) == "{" {
                index += 2
                tokens.append(JavaScriptToken(kind: .template, text: "", offset: start))
                braceDepth += 1
                templateDepths.append(braceDepth)
                return true
            }
            index += 1
        }
        return false
    }

    private mutating func readRegex(start: Int) -> Bool {
        index += 1
        var inClass = false
        while index < characters.count {
            let character = characters[index]
            if character == "\n" { return false }
            if character == "\\" { index += 2; continue }
            if character == "[" { inClass = true } else if character == "]" { inClass = false }
            index += 1
            if character == "/" && !inClass {
                while index < characters.count, Self.continuesIdentifier(characters[index]) { index += 1 }
                tokens.append(JavaScriptToken(kind: .regex, text: String(characters[start..<index]), offset: start))
                return true
            }
        }
        return false
    }

    private mutating func readNumber(start: Int) {
        while index < characters.count {
            let character = characters[index]
            let exponentSign = (character == "+" || character == "-") && (characters[index - 1] == "e" || characters[index - 1] == "E")
                && !String(characters[start..<index]).lowercased().hasPrefix("0x")
            guard character.isNumber || character.isLetter || character == "." || character == "_" || exponentSign else { break }
            index += 1
        }
        tokens.append(JavaScriptToken(kind: .number, text: String(characters[start..<index]), offset: start))
    }

    private mutating func readPunctuator(start: Int) {
        let character = characters[index]
        if character == "{" { braceDepth += 1 }
        if character == "}" { braceDepth -= 1 }
        // `?.` is one token (optional chaining) unless a digit follows (a conditional then a number).
        if character == "?", peek(1) == ".", !(peek(2)?.isNumber ?? false) {
            index += 2
            tokens.append(JavaScriptToken(kind: .punctuator, text: "?.", offset: start))
            return
        }
        index += 1
        tokens.append(JavaScriptToken(kind: .punctuator, text: String(character), offset: start))
    }

    // MARK: Helpers

    /// A `/` starts a regex unless it follows something that ends an expression.
    private var regexAllowed: Bool {
        guard let last = tokens.last else { return true }
        switch last.kind {
        case .number, .string, .template, .regex: return false
        case .identifier:
            return ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else",
                    "yield", "await"].contains(last.text)
        case .punctuator: return ![")", "]", "}"].contains(last.text)
        }
    }

    private mutating func skipLine() {
        while index < characters.count, characters[index] != "\n" { index += 1 }
    }

    private mutating func skipBlockComment() -> Bool {
        index += 2
        while index + 1 < characters.count {
            if characters[index] == "*" && characters[index + 1] == "/" { index += 2; return true }
            index += 1
        }
        return false
    }

    private func peek(_ distance: Int) -> Character? {
        index + distance < characters.count ? characters[index + distance] : nil
    }

    static func startsIdentifier(_ character: Character) -> Bool {
        character.isLetter || character == "_" || character == "$" || character == "\\"
    }

    static func continuesIdentifier(_ character: Character) -> Bool {
        startsIdentifier(character) || character.isNumber || character == "\u{200C}" || character == "\u{200D}"
    }

    static func unescape(_ character: Character) -> Character {
        switch character {
        case "n": "\n"
        case "t": "\t"
        case "r": "\r"
        case "0": "\0"
        default: character
        }
    }
}
