import Yams

/// Reads YAML text into a node tree, turning parser failures into located diagnostics.
///
/// Yams 6.2.2 rejects a mapping with duplicate keys as a whole (`duplicatedKeysInMapping`), pointing at
/// the first occurrence and giving up on the rest of the file. To report the second occurrence and still
/// find every other problem, the reader tags the first occurrence with a unique local tag
/// (`!modegate-duplicate-N`), which makes the keys unequal to Yams, and parses again. The validator
/// then sees both keys and reports the duplicate itself; `SourceShifts` maps positions back.
enum YAMLDocumentReader {
    /// Enough for any hand-written file; a bound keeps a pathological input from looping.
    static let maxDuplicateRepairs = 500
    static let duplicateTagPrefix = "!modegate-duplicate-"

    /// - Parameter documentName: what the file is, for messages ("gate file", "preset file").
    /// - Throws: `DiagnosticsError` with the one diagnostic that stopped the parser.
    static func read(_ text: String, file: String, documentName: String = "gate file") throws(DiagnosticsError)
        -> YAMLDocument
    {
        // libyaml skips a byte-order mark without counting a column; dropping it keeps columns aligned.
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        var parsedText = text
        var shifts = SourceShifts()
        for repair in 0...maxDuplicateRepairs {
            do {
                let root = try Parser(yaml: parsedText, encoding: .utf8).singleRoot()
                return YAMLDocument(root: root, shifts: shifts)
            } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
                let first = context.mark
                let tag = "\(duplicateTagPrefix)\(repair) "
                guard repair < maxDuplicateRepairs, canTag(parsedText, at: first),
                    let tagged = parsedText.inserting(tag, line: first.line, column: first.column)
                else {
                    let key = duplicates.first ?? "?"
                    let position = shifts.original(first)
                    throw DiagnosticsError([Diagnostic(
                        file: file, line: position.line, column: position.column,
                        message: GateMessage.repeatedKey(key))])
                }
                shifts.record(line: first.line, column: first.column, length: tag.unicodeScalars.count)
                parsedText = tagged
            } catch let error as YamlError {
                throw DiagnosticsError([diagnostic(for: error, file: file, text: text, shifts: shifts, documentName: documentName)])
            } catch {
                throw DiagnosticsError([Diagnostic(file: file, line: 0, column: 0, message: GateMessage.invalidYAML(
                    "\(error)", context: nil))])
            }
        }
        throw DiagnosticsError([Diagnostic(file: file, line: 0, column: 0, message: GateMessage.invalidYAML(
            "too many duplicate keys", context: nil))])
    }

    /// A key that already carries a tag, or is an alias, cannot take another tag in front of it.
    private static func canTag(_ text: String, at mark: Mark) -> Bool {
        guard let scalar = text.scalar(line: mark.line, column: mark.column) else { return false }
        return scalar != "!" && scalar != "*"
    }

    private static func diagnostic(
        for error: YamlError, file: String, text: String, shifts: SourceShifts, documentName: String
    ) -> Diagnostic {
        func located(_ mark: Mark, _ message: String) -> Diagnostic {
            let position = shifts.original(mark)
            return Diagnostic(file: file, line: position.line, column: position.column, message: message)
        }
        func describe(_ context: YamlError.Context?) -> String? {
            guard let context else { return nil }
            let position = shifts.original(context.mark)
            return "\(context.text) at line \(position.line), column \(position.column)"
        }
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _):
            let position = shifts.original(mark)
            if text.scalar(line: position.line, column: position.column) == "\t" {
                return located(mark, GateMessage.tabIndentation)
            }
            return located(mark, GateMessage.invalidYAML(problem, context: describe(context)))
        case let .composer(context, problem, mark, _):
            if problem.contains("another document") { return located(mark, GateMessage.secondDocument(documentName)) }
            return located(mark, GateMessage.invalidYAML(problem, context: describe(context)))
        case let .reader(problem, offset, _, _):
            let position = offset.flatMap { text.position(ofCharacterOffset: $0) }
            return Diagnostic(
                file: file, line: position?.line ?? 0, column: position?.column ?? 0,
                message: GateMessage.invalidYAML(problem, context: nil))
        default:
            let message = GateMessage.invalidYAML("\(error)", context: nil)
            return Diagnostic(file: file, line: 0, column: 0, message: message)
        }
    }
}
