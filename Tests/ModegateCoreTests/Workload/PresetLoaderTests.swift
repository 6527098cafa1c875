import Foundation
@testable import ModegateCore
import Testing

/// The preset loader on well-formed files: every scorer spelling, both suite forms, free JSON
/// for schemas, expected answers and params, and the published JSON Schema kept in step.
@Suite struct PresetLoaderTests {
    static let allScorers = """
        preset: everything
        description: One case per scorer.
        suite: smoke
        cases:
          - {id: a, prompt: p, answer_schema: {type: object}, scorer: exact}
          - {id: b, prompt: p, answer_schema: {type: object}, scorer: fields}
          - {id: c, prompt: p, answer_schema: {type: object}, scorer: {kind: fields, tolerance: 0.01}}
          - {id: d, prompt: p, answer_schema: {type: object}, scorer: {kind: set_f1, field: urls}}
          - {id: e, prompt: p, answer_schema: {type: object}, scorer: {kind: ndcg, field: ranked, k: 5}}
          - {id: f, prompt: p, answer_schema: {type: object}, scorer: {kind: top_k, field: ranked, k: 2}}
          - {id: g, prompt: p, answer_schema: {type: object}, scorer: state}
          - {id: h, prompt: p, answer_schema: {type: object}, scorer: {kind: per_item, field: cases}}
          - {id: i, prompt: p, answer_schema: {type: object}, scorer: {kind: js, program: "return 1;"}}
          - {id: j, prompt: p, answer_schema: {type: object}, scorer: {kind: exact}}
        """

    @Test func everyScorerSpellingLoads() throws {
        let preset = try PresetLoader.load(yaml: Self.allScorers, path: "inline.yaml")
        #expect(preset.cases.map(\.scorer) == [
            .exact, .fields(tolerance: 0), .fields(tolerance: 0.01), .setF1(field: "urls"), .ndcg(field: "ranked", k: 5),
            .topK(field: "ranked", k: 2), .state, .perItem(field: "cases"), .js(program: "return 1;"), .exact,
        ])
        #expect(preset.name == "everything")
        #expect(preset.description == "One case per scorer.")
        #expect(preset.suite == .builtin("smoke"))
        #expect(preset.sourcePath == "inline.yaml")
    }

    @Test func freeJSONKeepsYAMLTypes() throws {
        let yaml = """
            preset: typed
            suite: {mcp: search}
            cases:
              - id: one
                prompt: |
                  Two lines
                  of prompt.
                answer_schema:
                  type: object
                  properties: {ok: {type: boolean}, when: {type: string}}
                expected: {ok: on, when: "2024-05-05", count: 3, ratio: 0.25, name: "on", none: null, list: [1, two]}
                scorer: {kind: fields, tolerance: 0}
                params: {seed: 7, nested: {k: [1, 2]}}
                reference: "return {ok: true};"
            """
        let preset = try PresetLoader.load(yaml: yaml, path: "typed.yaml")
        let testCase = try #require(preset.cases.first)
        #expect(preset.suite == .mcp("search"))
        #expect(testCase.prompt == "Two lines\nof prompt.\n")
        #expect(testCase.expected == [
            "ok": true, "when": "2024-05-05", "count": 3, "ratio": 0.25, "name": "on", "none": nil, "list": [1, "two"],
        ])
        #expect(testCase.params == ["seed": 7, "nested": ["k": [1, 2]]])
        #expect(testCase.answerSchema["properties"]?["ok"] == ["type": "boolean"])
        #expect(testCase.reference == "return {ok: true};")
    }

    @Test func optionalKeysDefault() throws {
        let yaml = """
            preset: minimal
            suite: smoke
            cases:
              - {id: only, prompt: p, answer_schema: {}, scorer: exact}
            """
        let testCase = try #require(try PresetLoader.load(yaml: yaml, path: "m.yaml").cases.first)
        #expect(testCase.expected == nil)
        #expect(testCase.params == [:])
        #expect(testCase.reference == nil)
        #expect(try PresetLoader.load(yaml: yaml, path: "m.yaml").description == "")
    }

    @Test func missingFileIsOneDiagnostic() {
        #expect {
            _ = try PresetLoader.load(path: "/nonexistent/preset.yaml")
        } throws: { error in
            (error as? DiagnosticsError)?.description
                == "/nonexistent/preset.yaml: error: cannot read the preset file: no such file"
        }
    }

    @Test func publishedJSONSchemaMatchesTheCode() throws {
        let url = GateFixtures.repositoryRoot.appendingPathComponent("docs/preset.schema.json")
        let actual = try StableJSON.string(PresetSchema.jsonSchema()) + "\n"
        let expected = try GateFixtures.golden(url, actual: actual)
        #expect(actual == expected, "docs/preset.schema.json is stale; re-record with MODEGATE_RECORD=1")
    }

    @Test func schemaDescribesEveryScorerKind() {
        let schema = PresetSchema.jsonSchema()
        let scorer = schema["properties"]?["cases"]?["items"]?["properties"]?["scorer"]
        let choices = scorer?["oneOf"]?.arrayValue ?? []
        #expect(choices.first == ["type": "string", "enum": ["exact", "fields", "state"]])
        let kinds = choices.dropFirst().compactMap { $0["properties"]?["kind"]?["const"]?.stringValue }
        #expect(kinds == ["exact", "fields", "set_f1", "ndcg", "top_k", "state", "per_item", "js", "mcp"])
        #expect(schema["required"] == ["preset", "suite", "cases"])
    }
}
