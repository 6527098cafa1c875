/// Messages only preset files need; the generic ones (unknown keys, types, ranges) are shared with
/// gate files through `GateMessage`, so both read alike.
enum PresetMessage {
    static func cannotRead(_ reason: String) -> String { "cannot read the preset file: \(reason)" }
    static let notUTF8 = "the preset file is not valid UTF-8 text"
    static let emptyFile = "the preset file is empty; it needs 'preset', 'suite' and 'cases'"
    static func rootNotMapping(found: String) -> String {
        "a preset file must be a mapping of keys such as 'preset', 'suite' and 'cases', found \(found)"
    }
    static func duplicateCaseID(_ id: String, firstLine: Int) -> String {
        "duplicate case id '\(id)' (first used at line \(firstLine))"
    }
    static func stateScorerOverMCP(_ id: String) -> String {
        "case '\(id)' uses a state scorer, which needs a built-in suite's state; an MCP suite has none"
    }
    static func stateScorerInTurns(_ id: String) -> String {
        "case '\(id)' has turns, and a state scorer: the suite's state is read once, after the whole conversation; score each turn's answer instead"
    }
    static func turnScorerNeedsExpected(_ id: String, turn: Int) -> String {
        "turn \(turn) of case '\(id)' has a scorer but no expected answer to score against; add expected, or drop the scorer (the turn then passes once answered)"
    }
    static func planMismatch(_ detail: String) -> String {
        "internal error: the validated preset does not match the preset types (\(detail)); please report this"
    }
}
