import ModegateCore
@testable import ModegateHarness
import Testing

/// How a final message becomes an answer: JSON (bare or fenced) for any schema, and prose only
/// where the schema asks for a string.
@Suite struct FinalAnswerTests {
    @Test func proseIsAnAnswerOnlyToAStringSchema() {
        let string: JSONValue = ["type": "string"]
        #expect(FinalAnswer.parse("  I moved the file.\n", schema: string) == "I moved the file.")
        #expect(FinalAnswer.parse(#""quoted""#, schema: string) == "quoted", "a JSON string still reads as JSON")
        #expect(FinalAnswer.parse("I moved the file.", schema: [:]) == nil)
        #expect(FinalAnswer.parse("I moved the file.", schema: ["type": "object"]) == nil)
        #expect(FinalAnswer.parse("```json\n{\"a\": 1}\n```", schema: string) == ["a": 1], "JSON first: the schema then judges it")
    }
}
