import Foundation
import ModegateCore
import Testing

/// Every `Fixtures/gates/broken/NAME.yaml` must fail with exactly the diagnostics in `NAME.expected`.
/// Re-record with `MODEGATE_RECORD=1 swift test --filter GateDiagnosticsGolden`.
@Suite struct GateDiagnosticsGoldenTests {
    @Test func thereAreEnoughBrokenFixtures() {
        #expect(GateFixtures.brokenNames().count >= 18)
    }

    @Test(arguments: GateFixtures.brokenNames())
    func brokenGateMatchesGolden(name: String) throws {
        let yaml = try GateFixtures.text(GateFixtures.brokenFolder.appendingPathComponent("\(name).yaml"))
        let actual: String
        do {
            _ = try GateLoader.load(yaml: yaml, path: "broken/\(name).yaml")
            Issue.record("broken/\(name).yaml loaded without diagnostics")
            return
        } catch let error as DiagnosticsError {
            #expect(!error.diagnostics.isEmpty)
            actual = error.description + "\n"
        }
        let goldenURL = GateFixtures.brokenFolder.appendingPathComponent("\(name).expected")
        let expected = try GateFixtures.golden(goldenURL, actual: actual)
        #expect(expected != nil, "missing golden broken/\(name).expected; record with MODEGATE_RECORD=1")
        #expect(actual == expected)
    }
}
