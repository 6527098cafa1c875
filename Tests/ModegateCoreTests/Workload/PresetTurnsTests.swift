import Testing
@testable import ModegateCore

/// Multi-turn cases (`turns:`): the follow-ups load with their defaults, and what cannot be
/// scored turn by turn is refused at its key.
@Suite struct PresetTurnsTests {
    static func diagnostics(_ yaml: String) -> [Diagnostic] {
        do {
            _ = try PresetLoader.load(yaml: yaml, path: "t.yaml")
            return []
        } catch let error as DiagnosticsError {
            return error.diagnostics
        } catch {
            return []
        }
    }

    static let head = """
        preset: t
        suite: smoke
        cases:
          - id: c
            prompt: First.
            answer_schema: {type: object}
            expected: {sum: 5}
        """

    @Test func followUpsLoadWithTheirDefaults() throws {
        let preset = try PresetLoader.load(yaml: Self.head + """

                scorer: exact
                turns:
                  - {prompt: Second., expected: {sum: 15}, reference: "return {sum: 15};"}
                  - {prompt: Third., answer_schema: {type: object, required: [length]}}
                  - {prompt: Fourth., expected: {n: 1}, scorer: {kind: fields, tolerance: 0.5}}
            """, path: "t.yaml")
        let turns = try #require(preset.cases.first?.turns)
        #expect(turns.count == 3)
        #expect(turns[0] == PresetTurn(prompt: "Second.", expected: ["sum": 15], scorer: .exact, reference: "return {sum: 15};"))
        // Nothing expected: not scored, any answer to the schema passes.
        #expect(turns[1].scorer == nil && turns[1].expected == nil && turns[1].answerSchema["required"] == ["length"])
        #expect(turns[2].scorer == .fields(tolerance: 0.5))
        #expect(try PresetLoader.load(yaml: Self.head + "\n    scorer: exact\n", path: "t.yaml").cases.first?.followUps.isEmpty == true)
    }

    @Test func stateScorersAndScorersWithoutAnswersAreRefusedAtTheirKeys() {
        let found = Self.diagnostics(Self.head + """

                scorer: state
                turns:
                  - {prompt: Second., scorer: exact}
                  - {prompt: Third., expected: {a: 1}, scorer: state}
            """)
        #expect(found.count == 3, "\(found)")
        #expect(found.map(\.keyPath) == ["cases[0].scorer", "cases[0].turns[0].scorer", "cases[0].turns[1].scorer"], "\(found)")
        #expect(found[1].message.contains("turn 2 of case 'c' has a scorer but no expected answer"), "\(found)")
        #expect(found[2].message.contains("the suite's state is read once, after the whole conversation"), "\(found)")
        let empty = Self.diagnostics(Self.head + "\n    scorer: exact\n    turns: []\n")
        #expect(empty.count == 1 && empty.first?.keyPath == "cases[0].turns", "\(empty)")
    }
}
