import Foundation
@testable import ModegateCore
import ModegateReports
import Testing

@Suite("JSON report")
struct JSONRendererTests {
    func document(_ verdict: Verdict) throws -> JSONValue {
        let text = try JSONRenderer().render(verdict, context: VerdictFixtures.context)
        return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func carriesVersionToolTimeAndExitCode() throws {
        let json = try document(VerdictFixtures.inconclusive.verdict)
        #expect(json["schema_version"] == 1)
        #expect(json["tool"] == ["name": "modegate", "version": "0.1.0-test"])
        #expect(json["generated_at"] == "2026-01-02T03:04:05.000Z")
        #expect(json["status"] == "inconclusive")
        #expect(json["exit_code"] == 2)
        #expect(json["decision"] == "hold")
    }

    @Test func nonFiniteNumbersBecomeNull() throws {
        var verdict = VerdictFixtures.inconclusive.verdict
        verdict.gates[0].interval = ConfidenceInterval(lower: -.infinity, upper: .infinity, confidence: 0.9)
        let text = try JSONRenderer().render(verdict, context: VerdictFixtures.context)
        #expect(!text.contains("NaN") && !text.contains("Infinity") && !text.contains("\\u0000"))
        // Strict parsers, not only ours, must accept it.
        #expect(throws: Never.self) { try JSONSerialization.jsonObject(with: Data(text.utf8)) }
        let json = try document(verdict)
        #expect(json["gates"]?.arrayValue?.last?["observed"] == .null)
        #expect(json["gates"]?.arrayValue?.first?["interval"] == ["lower": nil, "upper": nil, "confidence": 0.9])
    }

    @Test func keysAreSortedAndOutputEndsWithANewline() throws {
        let text = try JSONRenderer().render(VerdictFixtures.passingStatistical.verdict, context: VerdictFixtures.context)
        #expect(text.hasSuffix("}\n"))
        let topLevel = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(topLevel == topLevel.sorted())
        #expect(topLevel.first == "arm_differences" && topLevel.contains("baseline") && topLevel.contains("schema_version"))
    }
}
