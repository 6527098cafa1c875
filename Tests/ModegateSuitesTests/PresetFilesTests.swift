import Foundation
import ModegateCore
import ModegateSuites
import Testing

/// The shipped preset files: they load, they name built-in suites, every case can be scored
/// (a stated expected answer, or an oracle; an expected state for state scorers) and has a
/// reference, and no case is degenerate.
@Suite struct PresetFilesTests {
    @Test(arguments: BuiltinPresets.names)
    func presetFileLoads(name: String) throws {
        let preset = try PresetLoader.load(path: BuiltinPresets.path(name))
        #expect(preset.name == name, "a preset is named after its file")
        #expect(preset.suite == .builtin(name), "a built-in preset runs on the suite of its name")
        #expect(BuiltinSuites.named(name) != nil, "suite \(name) is built in")
        #expect(!preset.description.isEmpty)
    }

    @Test func thereAreAtLeastFortyCasesAndEachSuiteHasAPreset() {
        #expect(BuiltinPresets.presets.count == BuiltinPresets.names.count)
        #expect(BuiltinPresets.cases.count >= 40)
        // The workspace suite reads a directory on disk: its preset is an example beside the
        // checkout it asks about (presets/examples/git_workspace.yaml), not a built-in one.
        #expect(Set(BuiltinSuites.all.map(\.name)).subtracting(["workspace"]) == Set(BuiltinPresets.names))
        let smoke = BuiltinPresets.cases.filter { $0.preset == "smoke" }
        #expect(smoke.count == 3)
    }

    @Test func repoTriageHasOneCasePerProbeShape() {
        let shapes = BuiltinPresets.cases.filter { $0.preset == "repo_triage" }.map { entry in
            let params = entry.testCase.params
            return "\(params["shards"]?.intValue ?? 0)x\(params["candidates_per_shard"]?.intValue ?? 0) k\(params["k"]?.intValue ?? 0)"
        }
        #expect(shapes.sorted() == ["10x10 k5", "10x10 k5", "1x1 k1", "4x1 k2", "5x5 k5", "8x12 k5"])
        let references = BuiltinPresets.cases.filter { $0.testCase.id.hasPrefix("triage-10x10") }.map { $0.testCase.reference ?? "" }
        #expect(references.filter { $0.contains("tools.fetch_candidates(") }.count == 1, "one 10x10 case fetches in batches")
        #expect(references.filter { $0.contains("tools.fetch_candidate(") }.count == 1, "one 10x10 case fetches one by one")
    }

    @Test(arguments: BuiltinPresets.cases)
    func caseIsScorable(entry: BuiltinPresets.Case) async throws {
        let testCase = entry.testCase
        #expect(testCase.reference != nil, "every built-in case has a reference program")
        let expected = try #require(entry.expected, "no expected answer and no oracle")
        if testCase.scorer == .state {
            let expectedState = try #require(entry.expectedState, "no expected state")
            let initialState = await entry.suite.makeSession(params: testCase.params).finalState()
            let initial = try #require(initialState)
            #expect(expectedState != initial, "the workflow must change the books")
        } else {
            #expect(AnswerSchema(testCase.answerSchema).problem(with: expected) == nil,
                    "the expected answer must satisfy the answer schema")
            #expect(!Self.isDegenerate(expected), "expected answer \(expected.jsonText) is empty")
        }
    }

    /// An expected answer with an empty list or a null field rewards doing nothing.
    static func isDegenerate(_ value: JSONValue) -> Bool {
        guard case .object(let members) = value else { return value == .null }
        return members.values.contains { $0 == .null || $0 == .array([]) }
    }
}
