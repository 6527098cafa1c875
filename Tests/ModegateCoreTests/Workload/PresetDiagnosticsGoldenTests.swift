import Foundation
import ModegateCore
import Testing

/// Every `Fixtures/presets/broken/NAME.yaml` must fail with exactly the diagnostics in
/// `NAME.expected`. Re-record with `MODEGATE_RECORD=1 swift test --filter PresetDiagnosticsGolden`.
@Suite struct PresetDiagnosticsGoldenTests {
    static let brokenFolder = GateFixtures.testFolder.deletingLastPathComponent()
        .appendingPathComponent("Fixtures/presets/broken")

    static func brokenNames() -> [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: brokenFolder.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
    }

    @Test func thereAreEnoughBrokenFixtures() {
        #expect(Self.brokenNames().count >= 10)
    }

    @Test(arguments: brokenNames())
    func brokenPresetMatchesGolden(name: String) throws {
        let yaml = try GateFixtures.text(Self.brokenFolder.appendingPathComponent("\(name).yaml"))
        let actual: String
        do {
            _ = try PresetLoader.load(yaml: yaml, path: "broken/\(name).yaml")
            Issue.record("broken/\(name).yaml loaded without diagnostics")
            return
        } catch let error as DiagnosticsError {
            #expect(!error.diagnostics.isEmpty)
            actual = error.description + "\n"
        }
        let goldenURL = Self.brokenFolder.appendingPathComponent("\(name).expected")
        let expected = try GateFixtures.golden(goldenURL, actual: actual)
        #expect(expected != nil, "missing golden broken/\(name).expected; record with MODEGATE_RECORD=1")
        #expect(actual == expected)
    }
}
