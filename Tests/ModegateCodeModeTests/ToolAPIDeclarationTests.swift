import ModegateCore
import Testing
@testable import ModegateCodeMode

@Suite struct TypeScriptTypeTests {
    func ts(_ schema: JSONValue) -> TypeScriptType { TypeScriptType.of(schema) }

    @Test func scalarsEnumsAndConstants() {
        #expect(ts(["type": "string"]).text == "string")
        #expect(ts(["type": "integer"]).text == "number")
        #expect(ts(["type": "boolean"]).text == "boolean")
        #expect(ts(["type": "string", "enum": ["open", "closed"]]).text == #""open" | "closed""#)
        #expect(ts(["enum": [1, 2]]).text == "1 | 2")
        #expect(ts(["const": "v1"]).text == #""v1""#)
        #expect(ts(["type": ["string", "null"]]).text == "string | null")
        #expect(ts(["type": "string"]).isPrecise)
    }

    @Test func objectsMarkOptionalPropertiesAndCarryDescriptions() {
        let schema: JSONValue = [
            "type": "object", "required": ["id"],
            "properties": [
                "id": ["type": "string", "description": "The candidate's id."],
                "limit": ["type": "integer"],
                "page-size": ["type": "number"],
            ],
            "additionalProperties": false,
        ]
        #expect(ts(schema).text == """
            {
              /** The candidate's id. */
              id: string;
              limit?: number;
              "page-size"?: number;
            }
            """)
        #expect(ts(schema).isPrecise)
    }

    @Test func arraysNestedObjectsAndUnions() {
        let schema: JSONValue = [
            "type": "array",
            "items": ["anyOf": [["type": "string"], ["type": "object", "required": ["x"], "properties": ["x": ["type": "number"]]]]],
        ]
        #expect(ts(schema).text == "(string | {\n  x: number;\n})[]")
        #expect(ts(["type": "array", "items": ["type": "string"]]).text == "string[]")
        #expect(ts(["allOf": [["type": "object", "properties": ["a": ["type": "string"]]], ["type": "object", "properties": ["b": ["type": "number"]]]]]).text
            == "{\n  a?: string;\n} & {\n  b?: number;\n}")
    }

    @Test func unknownOnlyWhereTheSchemaSaysNothing() {
        #expect(ts([:]).text == "unknown")
        #expect(!ts([:]).isPrecise)
        #expect(ts(["type": "array"]).text == "unknown[]")
        #expect(ts(["type": "object"]).text == "{\n  [key: string]: unknown;\n}")
        #expect(!ts(["type": "object", "properties": ["a": [:]]]).isPrecise)
        #expect(ts(["type": "object", "additionalProperties": ["type": "number"]]).text == "{\n  [key: string]: number;\n}")
    }

    @Test func localReferencesResolveAndRecursionEnds() {
        let definitions: [String: JSONValue] = [
            "Node": ["type": "object", "required": ["next"], "properties": ["next": ["$ref": "#/$defs/Node"]]],
            "Id": ["type": "string"],
        ]
        #expect(TypeScriptType.of(["$ref": "#/$defs/Id"], definitions: definitions).text == "string")
        let recursive = TypeScriptType.of(["$ref": "#/$defs/Node"], definitions: definitions)
        #expect(recursive.text.contains("unknown"))
        #expect(!recursive.isPrecise)
    }

    @Test func namesThatAreNotIdentifiersAreQuoted() {
        #expect(TypeScriptType.key("git_status") == "git_status")
        #expect(TypeScriptType.key("$ref") == "$ref")
        #expect(TypeScriptType.key("get-user") == "\"get-user\"")
        #expect(TypeScriptType.key("2fa") == "\"2fa\"")
    }
}

@Suite struct ToolAPIDeclarationTests {
    static let tools = [
        ToolDescriptor(
            name: "search_shard", description: "Lists the candidate ids of one shard.",
            inputSchema: ["type": "object", "required": ["shard"], "properties": ["shard": ["type": "integer", "description": "Shard number."]]],
            outputSchema: ["type": "object", "required": ["ids"], "properties": ["ids": ["type": "array", "items": ["type": "string"]]]]),
        ToolDescriptor(
            name: "echo", description: "Returns its arguments.",
            inputSchema: ["type": "object", "properties": ["text": ["type": "string"], "extra": [:]]]),
        ToolDescriptor(name: "ping", description: "", inputSchema: ["type": "object", "properties": [:]]),
    ]

    @Test func theAPIDeclaresEveryToolWithItsArgumentsAndResult() {
        let api = ToolAPIDeclaration(tools: Self.tools)
        #expect(api.text == """
            declare const tools: {
              /** Lists the candidate ids of one shard. */
              search_shard(args: {
                /** Shard number. */
                shard: number;
              }): Promise<{
                ids: string[];
              }>;
              /** Returns its arguments. */
              echo(args: {
                extra?: unknown;
                text?: string;
              }): Promise<unknown>;
              ping(args?: {}): Promise<unknown>;
            };
            """)
    }

    @Test func fidelityCountsPreciseParametersAndResults() {
        let fidelity = ToolAPIDeclaration(tools: Self.tools).fidelity
        #expect(fidelity.parameters == 3)
        #expect(fidelity.preciseParameters == 2)
        #expect(fidelity.results == 3)
        #expect(fidelity.preciseResults == 1)
        #expect(abs(fidelity.share - 0.5) < 1e-12)
    }

    @Test func theTextIsStableForTheSameTools() {
        #expect(ToolAPIDeclaration(tools: Self.tools) == ToolAPIDeclaration(tools: Self.tools))
        #expect(ToolAPIDeclaration.declaration(of: Self.tools[2]) == "ping(args?: {}): Promise<unknown>;")
    }
}
