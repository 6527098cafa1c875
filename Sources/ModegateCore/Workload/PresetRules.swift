/// Rules across cases that the schema cannot express. Like `GateRules`, they read the validated
/// tree, where a value that failed validation is absent, so they only judge well-formed values.
struct PresetRules {
    let file: String
    let positions: [SchemaPath: SourcePosition]
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, positions: [SchemaPath: SourcePosition]) {
        self.file = file
        self.positions = positions
    }

    mutating func check(_ tree: JSONValue) {
        guard let cases = tree["cases"]?.arrayValue else { return }
        let casesPath = SchemaPath.root.appending("cases")
        let overMCP = tree["suite"]?["mcp"] != nil
        var firstLines: [String: Int] = [:]
        for (index, entry) in cases.enumerated() {
            let casePath = casesPath.appending(index: index)
            guard let id = entry["id"]?.stringValue else { continue }
            let idPath = casePath.appending("id")
            if let firstLine = firstLines[id] {
                report(PresetMessage.duplicateCaseID(id, firstLine: firstLine), at: idPath)
            } else {
                firstLines[id] = positions[idPath]?.line ?? 0
            }
            if overMCP, entry["scorer"]?["kind"] == "state" {
                report(PresetMessage.stateScorerOverMCP(id), at: casePath.appending("scorer"))
            }
            // A session's state is read once, after the whole conversation: no turn of a
            // multi-turn case can be scored on it.
            let turns = entry["turns"]?.arrayValue ?? []
            if !turns.isEmpty, entry["scorer"]?["kind"] == "state" {
                report(PresetMessage.stateScorerInTurns(id), at: casePath.appending("scorer"))
            }
            for (number, turn) in turns.enumerated() where turn["scorer"]?["kind"] == "state" {
                report(PresetMessage.stateScorerInTurns(id), at: casePath.appending("turns").appending(index: number).appending("scorer"))
            }
            for (number, turn) in turns.enumerated() where turn["scorer"] != nil && turn["scorer"] != .null
                && (turn["expected"] == nil || turn["expected"] == .null) && turn["scorer"]?["kind"] != "js" && turn["scorer"]?["kind"] != "mcp"
            {
                report(PresetMessage.turnScorerNeedsExpected(id, turn: number + 2),
                       at: casePath.appending("turns").appending(index: number).appending("scorer"))
            }
        }
    }

    private mutating func report(_ message: String, at path: SchemaPath) {
        let position = positions[path] ?? SourcePosition(line: 0, column: 0)
        diagnostics.append(Diagnostic(
            file: file, line: position.line, column: position.column, message: message, keyPath: path.description))
    }
}
