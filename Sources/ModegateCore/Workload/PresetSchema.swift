/// The preset file format (DESIGN §4), written down once: the loader validates against `root`, and
/// `docs/preset.schema.json` is generated from it.
public enum PresetSchema {
    /// The whole preset file: its keys, the case keys and every scorer kind.
    public static let root = SchemaObject(
        title: "modegate preset file",
        description: "A named workload: a suite of tools plus the cases to run against it.",
        fields: [
            SchemaField(required: "preset", .string(name), "The preset's name, as gates list it in workload.presets."),
            SchemaField("description", .string(.any), default: "", "What the workload measures, for humans."),
            SchemaField(required: "suite", .scalarOrObject(scalar: .string(name), object: mcpSuite),
                        "A built-in suite name, or {mcp: SERVER} for the tools of an MCP server named in the gate."),
            SchemaField(required: "cases", .array(of: .object(presetCase), minItems: 1), "The tasks, run in this order."),
        ])

    /// Preset, suite and case names appear in file names, run records and command lines.
    static let name = StringRule(
        pattern: "^[A-Za-z0-9][A-Za-z0-9_.-]*$",
        meaning: "a name of letters, digits, '_', '.' and '-' (starting with a letter or digit)", minLength: 1)

    static let mcpSuite = SchemaObject(
        title: "MCP suite",
        description: "The tools of an MCP server defined in the gate's mcp.servers.",
        fields: [SchemaField(required: "mcp", .string(.serverName), "The server's name in the gate's mcp.servers.")])

    static let presetCase = SchemaObject(
        title: "case",
        description: "One task: prompt, answer schema, expected answer, scorer, data knobs and a reference program.",
        fields: [
            SchemaField(required: "id", .string(name), "Unique within the preset; pairs trials across runs."),
            SchemaField(required: "prompt", .string(.nonEmpty), "The task as the model reads it, with the answer format."),
            SchemaField(required: "answer_schema", .map(keys: .any, values: .any),
                        "JSON Schema of the final answer; a trial completes only with a schema-valid answer."),
            .optional("expected", .any,
                      "The expected answer. Leave it out to have the suite's oracle compute it from params."),
            SchemaField(required: "scorer", .tagged(scorer), "How the answer is scored; every scorer gives 0 to 1."),
            SchemaField("params", .map(keys: .any, values: .any), default: [:],
                        "Knobs of the suite's seeded data generator (seed, sizes, the task variant)."),
            .optional("reference", .string(.nonEmpty),
                      "A JavaScript program that solves the case with the tools; the scripted model submits it."),
            .optional("tools", .array(of: .string(.nonEmpty), minItems: 1),
                      "The suite's tools this case offers both arms, by name; left out, every tool. Others are hidden and refused."),
            .optional("setup", .object(setup),
                      "A tool call the harness makes on the trial's session before the first turn; the tool is never shown to either arm."),
            .optional("turns", .array(of: .object(turn), minItems: 1),
                      "A multi-turn case: what the user says after each answer, in order; the keys above are the first turn."),
        ])

    static let setup = SchemaObject(
        title: "setup",
        description: "A tool call the harness makes on the trial's own session before the first turn.",
        fields: [
            SchemaField(required: "tool", .string(.nonEmpty), "The tool to call; hidden from both arms, refused if they call it."),
            SchemaField("arguments", .map(keys: .any, values: .any), default: [:], "Its arguments."),
        ])

    static let turn = SchemaObject(
        title: "turn",
        description: "The user's next message in a multi-turn case, with its own answer schema and scoring.",
        fields: [
            SchemaField(required: "prompt", .string(.nonEmpty), "The user's next message, with the answer format."),
            SchemaField("answer_schema", .map(keys: .any, values: .any), default: [:],
                        "JSON Schema of this turn's answer; {} accepts any JSON."),
            .optional("expected", .any, "This turn's expected answer; without it the turn passes once answered."),
            .optional("scorer", .tagged(scorer), "How this turn's answer is scored; exact when expected is given."),
            .optional("reference", .string(.nonEmpty), "A program that answers this turn, for the scripted model."),
        ])

    static let scorer = SchemaTaggedUnion(key: "kind", variants: [
        .init("exact", scorerObject("exact", "Canonical JSON equality of answer and expected.", [])),
        .init("fields", scorerObject("fields", "Share of the expected object's fields matched; numbers within tolerance.", [
            SchemaField("tolerance", .number(minimum: 0, maximum: nil), default: 0,
                        "Largest absolute difference at which two numbers still match."),
        ])),
        .init("set_f1", scorerObject("set_f1", "F1 of the answered against the expected set in a list field.", [field])),
        .init("ndcg", scorerObject("ndcg", "NDCG@k of the answered ranking in a list field.", [field, k])),
        .init("top_k", scorerObject("top_k", "Share of the expected top k found in the answer's first k.", [field, k])),
        .init("state", scorerObject("state", "The suite's final state equals the expected state.", [])),
        .init("per_item", scorerObject("per_item", "Share of list items right, position by position.", [field])),
        .init("js", scorerObject("js", "A scorer program run in the sandbox.", [
            SchemaField(required: "program", .string(.nonEmpty),
                        "JavaScript body that reads `answer` and `expected` and returns a number in [0, 1]."),
        ])),
        .init("mcp", scorerObject("mcp", "A checker tool of the case's server, called with arguments plus answer and turn; answers a reward in [0, 1].", [
            SchemaField(required: "tool", .string(.nonEmpty), "The checker tool; never shown to either arm."),
            SchemaField("arguments", .map(keys: .any, values: .any), default: [:], "Its arguments; the harness adds answer and turn."),
        ])),
    ])

    private static let field = SchemaField(required: "field", .string(.nonEmpty), "The answer's list field to score.")
    private static let k = SchemaField(required: "k", .integer(minimum: 1, maximum: nil), "How many leading items count.")

    private static func scorerObject(_ kind: String, _ description: String, _ fields: [SchemaField]) -> SchemaObject {
        SchemaObject(title: "\(kind) scorer", description: description, fields: fields)
    }

    /// The preset file as a JSON Schema (draft 2020-12), published as `docs/preset.schema.json`.
    public static func jsonSchema() -> JSONValue {
        var schema = SchemaType.object(root).jsonSchemaMembers()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        return .object(schema)
    }
}
