import Foundation
@testable import ModegateCore
import Testing

/// `docs/gate.schema.json` and the key tables of `docs/gate-file.md` are generated from `GateSchema`;
/// these tests fail when they drift. Re-record with `MODEGATE_RECORD=1`.
@Suite struct GateSchemaTests {
    static let beginMarker = "<!-- BEGIN GENERATED KEY REFERENCE: GateSchema.referenceTables() -->"
    static let endMarker = "<!-- END GENERATED KEY REFERENCE -->"

    @Test func publishedJSONSchemaMatchesTheCode() throws {
        let url = GateFixtures.repositoryRoot.appendingPathComponent("docs/gate.schema.json")
        let actual = try StableJSON.string(GateSchema.jsonSchema()) + "\n"
        let expected = try GateFixtures.golden(url, actual: actual)
        #expect(actual == expected, "docs/gate.schema.json is stale; re-record with MODEGATE_RECORD=1")
    }

    @Test func keyReferenceInTheDocsMatchesTheCode() throws {
        let url = GateFixtures.repositoryRoot.appendingPathComponent("docs/gate-file.md")
        let document = try GateFixtures.text(url)
        let begin = try #require(document.range(of: Self.beginMarker))
        let end = try #require(document.range(of: Self.endMarker))
        let generated = "\n" + GateSchema.referenceTables() + "\n"
        if GateFixtures.recording {
            let updated = document.replacingCharacters(in: begin.upperBound..<end.lowerBound, with: generated)
            try Data(updated.utf8).write(to: url)
            return
        }
        #expect(String(document[begin.upperBound..<end.lowerBound]) == generated,
                "docs/gate-file.md key reference is stale; re-record with MODEGATE_RECORD=1")
    }

    @Test func schemaIsDraft2020AndClosed() throws {
        let schema = GateSchema.jsonSchema()
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["additionalProperties"] == false)
        #expect(schema["required"] == ["version", "workload"])
        #expect(schema["properties"]?["judgement"]?["properties"]?["confidence"]?["maximum"] == 0.9999)
        #expect(schema["properties"]?["thresholds"]?["properties"]?["max_cost_increase_ratio"]?["type"] == ["number", "null"])
        #expect(schema["properties"]?["model"]?["properties"]?["provider"]?["default"] == "scripted")
    }

    @Test func everyFieldIsDescribedAndEveryPatternCompiles() throws {
        var objects = [GateSchema.root]
        while let object = objects.popLast() {
            for field in object.fields {
                #expect(!field.description.isEmpty, "\(object.title).\(field.name) has no description")
                objects.append(contentsOf: Self.objects(in: field.type))
                for pattern in Self.patterns(in: field.type) {
                    #expect((try? NSRegularExpression(pattern: pattern)) != nil, "bad pattern \(pattern)")
                }
            }
        }
    }

    private static func objects(in type: SchemaType) -> [SchemaObject] {
        switch type {
        case .object(let object): [object]
        case .map(_, let values): objects(in: values)
        case .array(let item, _), .nullable(let item): objects(in: item)
        default: []
        }
    }

    private static func patterns(in type: SchemaType) -> [String] {
        switch type {
        case .string(let rule): rule.pattern.map { [$0] } ?? []
        case .map(let keys, let values): (keys.pattern.map { [$0] } ?? []) + patterns(in: values)
        case .array(let item, _), .nullable(let item): patterns(in: item)
        default: []
        }
    }
}

@Suite struct GateSchemaOverrideTests {
    @Test func fieldsAreFoundByTheirDottedPath() {
        #expect(GateSchema.field(at: "judgement.confidence")?.name == "confidence")
        #expect(GateSchema.field(at: "candidate.limits.memory_mb")?.name == "memory_mb")
        #expect(GateSchema.field(at: "judgement.nope") == nil)
        #expect(GateSchema.field(at: "workload.concurrency.deeper") == nil)
    }

    @Test func overridesAreCheckedAgainstTheKeysRange() {
        #expect(GateSchema.problem(overriding: "judgement.confidence", with: 0.95) == nil)
        #expect(GateSchema.problem(overriding: "judgement.confidence", with: 1) == "must be between 0.5 and 0.9999, found 1")
        #expect(GateSchema.problem(overriding: "workload.concurrency", with: 0) == "must be between 1 and 256, found 0")
        #expect(GateSchema.problem(overriding: "workload.limit", with: -1) == "must be at least 0, found -1")
        #expect(GateSchema.problem(overriding: "workload.repetitions", with: 1.5) == "must be an integer, found 1.5")
        #expect(GateSchema.problem(overriding: "thresholds.max_steps_increase", with: .infinity)?.hasPrefix("must be a finite number") == true)
        // Optional keys keep their range.
        #expect(GateSchema.problem(overriding: "thresholds.max_cost_increase_ratio", with: -2) == "must be between -1 and 1000, found -2")
    }
}
