import Foundation
import Testing

/// `modegate presets [NAME]`: tables with one line per row, whatever newlines the prompts and
/// descriptions hold.
@Suite struct PresetsCommandTests {
    @Test(arguments: ["repo_triage", "ledger_workflows", "code_navigation"])
    func aPresetsCasesAreOneLineEach(name: String) async throws {
        let result = try await ModegateBinary.run(["presets", name], in: ModegateBinary.repository)
        #expect(result.status == 0, "\(result.stderr)")
        let listing = try await ModegateBinary.run(["presets", name, "--json"], in: ModegateBinary.repository)
        let ids = (try json(listing.stdout)["cases"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!ids.isEmpty)
        // The description line, a blank line, the header, then exactly one line per case.
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        let rows = Array(lines.drop { !$0.hasPrefix("CASE") }.dropFirst())
        #expect(rows.map { String($0.split(separator: " ").first ?? "") } == ids, "\(result.stdout)")
        #expect(rows.allSatisfy { $0.count <= 140 }, "\(rows)")
    }

    @Test func theListIsOneLinePerPreset() async throws {
        let result = try await ModegateBinary.run(["presets"], in: ModegateBinary.repository)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 7, "\(result.stdout)")
    }
}
