import Foundation
import ModegateCore
import ModegateReports
import Testing

/// docs/verdict.schema.json and JSONRenderer cannot drift apart silently: every key a rendered
/// verdict holds must be described, every required key must be present, and every described
/// property must show up in at least one fixture.
@Suite("Verdict JSON schema")
struct VerdictSchemaTests {
    static let schemaFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/verdict.schema.json")

    func schema() throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: Self.schemaFile))
    }

    func rendered(_ verdict: Verdict) throws -> JSONValue {
        let text = try JSONRenderer().render(verdict, context: VerdictFixtures.context)
        return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
    }

    @Test func schemaIsDraft202012WithVersionOne() throws {
        let schema = try schema()
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["properties"]?["schema_version"]?["const"] == 1)
    }

    @Test(arguments: VerdictFixtures.all)
    func renderedVerdictConforms(_ fixture: Fixture) throws {
        var conformance = SchemaConformance(schema: try schema())
        conformance.check(try rendered(fixture.verdict))
        #expect(conformance.problems == [])
    }

    @Test func everyDescribedPropertyIsWritten() throws {
        var conformance = SchemaConformance(schema: try schema())
        for fixture in VerdictFixtures.all { conformance.check(try rendered(fixture.verdict)) }
        #expect(conformance.problems == [])
        let unused = conformance.describedProperties.subtracting(conformance.usedProperties)
        #expect(unused.sorted() == [], "the schema describes properties no fixture verdict writes")
    }

    @Test func validatorNoticesAnUndescribedKey() throws {
        var conformance = SchemaConformance(schema: try schema())
        guard case .object(var document) = try rendered(VerdictFixtures.passingStatistical.verdict) else {
            Issue.record("the document is not an object")
            return
        }
        document["surprise"] = "new field"
        document["tool"] = ["name": "modegate"]
        conformance.check(.object(document))
        #expect(conformance.problems.contains("$.surprise: not described by the schema"))
        #expect(conformance.problems.contains("$.tool: missing required 'version'"))
    }
}
