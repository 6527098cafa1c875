import Foundation
import ModegateCore
import ModegateSuites
import Testing

/// The shipped `presets/*.yaml`, found from this source file so tests run from any directory,
/// each case paired with its suite and its expected answer (stated, or the suite's oracle).
enum BuiltinPresets {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = repository.appendingPathComponent("presets")

    static let names = ["smoke", "repo_triage", "dynamic_web_filtering", "ledger_workflows", "function_probe",
                        "code_navigation"]

    static func path(_ name: String) -> String { folder.appendingPathComponent("\(name).yaml").path }

    /// Every preset, loaded once; a preset that fails to load is left out (its own test reports it).
    static let presets: [Preset] = names.compactMap { try? PresetLoader.load(path: path($0)) }

    struct Case: Sendable, CustomTestStringConvertible {
        var preset: String
        var suite: any Suite
        var testCase: PresetCase

        var key: String { "\(preset)/\(testCase.id)" }
        var testDescription: String { key }
        var expected: JSONValue? { testCase.expected ?? suite.oracle(params: testCase.params) }
        var expectedState: JSONValue? { suite.expectedState(params: testCase.params) }
    }

    static let cases: [Case] = presets.flatMap { preset -> [Case] in
        guard case .builtin(let name) = preset.suite, let suite = BuiltinSuites.named(name) else { return [] }
        return preset.cases.map { Case(preset: preset.name, suite: suite, testCase: $0) }
    }
}
