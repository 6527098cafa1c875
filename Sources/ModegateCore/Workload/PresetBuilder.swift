/// Turns a validated preset tree into the typed `Preset`. The tree already has the right shape, so
/// a mismatch here is a bug in this module, reported as such rather than trapped.
enum PresetBuilder {
    struct Mismatch: Error {
        let detail: String
    }

    static func preset(from tree: JSONValue, path: String) throws -> Preset {
        guard let name = tree["preset"]?.stringValue, let cases = tree["cases"]?.arrayValue else {
            throw Mismatch(detail: "the tree has no preset name or cases")
        }
        return Preset(
            name: name, description: tree["description"]?.stringValue ?? "", suite: try suite(tree["suite"]),
            cases: try cases.map(presetCase), sourcePath: path)
    }

    static func suite(_ value: JSONValue?) throws -> Preset.SuiteReference {
        if let name = value?.stringValue { return .builtin(name) }
        if let server = value?["mcp"]?.stringValue { return .mcp(server) }
        throw Mismatch(detail: "suite is neither a name nor {mcp: SERVER}")
    }

    static func presetCase(_ value: JSONValue) throws -> PresetCase {
        guard let id = value["id"]?.stringValue, let prompt = value["prompt"]?.stringValue,
            let answerSchema = value["answer_schema"], let scorerTree = value["scorer"]
        else { throw Mismatch(detail: "a case lacks id, prompt, answer_schema or scorer") }
        // Spelt out: a bare `nil` here would become JSONValue.null (JSONValue is nil-literal expressible).
        let stated = value["expected"]
        let expected: JSONValue? = stated == .null ? Optional<JSONValue>.none : stated
        var built = PresetCase(
            id: id, prompt: prompt, answerSchema: answerSchema, expected: expected, scorer: try scorer(scorerTree),
            params: value["params"] ?? .object([:]), reference: value["reference"]?.stringValue)
        built.turns = try value["turns"]?.arrayValue.map { try $0.map(turn) }
        built.tools = value["tools"]?.arrayValue?.compactMap(\.stringValue)
        if let setup = value["setup"], let tool = setup["tool"]?.stringValue {
            built.setup = CaseSetup(tool: tool, arguments: setup["arguments"] ?? .object([:]))
        }
        return built
    }

    static func turn(_ value: JSONValue) throws -> PresetTurn {
        guard let prompt = value["prompt"]?.stringValue else { throw Mismatch(detail: "a turn lacks its prompt") }
        let stated = value["expected"]
        let expected: JSONValue? = stated == nil || stated == .null ? Optional<JSONValue>.none : stated
        let scorerTree = value["scorer"]
        let scorer: ScorerSpec? = scorerTree == nil || scorerTree == .null ? (expected == nil ? nil : .exact) : try self.scorer(scorerTree!)
        return PresetTurn(prompt: prompt, answerSchema: value["answer_schema"] ?? .object([:]), expected: expected, scorer: scorer,
                          reference: value["reference"]?.stringValue)
    }

    static func scorer(_ value: JSONValue) throws -> ScorerSpec {
        let field = value["field"]?.stringValue
        let k = value["k"]?.intValue
        switch (value["kind"]?.stringValue, field, k) {
        case ("exact", _, _): return .exact
        case ("fields", _, _): return .fields(tolerance: value["tolerance"]?.doubleValue ?? 0)
        case ("set_f1", let field?, _): return .setF1(field: field)
        case ("ndcg", let field?, let k?): return .ndcg(field: field, k: k)
        case ("top_k", let field?, let k?): return .topK(field: field, k: k)
        case ("state", _, _): return .state
        case ("per_item", let field?, _): return .perItem(field: field)
        case ("js", _, _):
            guard let program = value["program"]?.stringValue else { break }
            return .js(program: program)
        case ("mcp", _, _):
            guard let tool = value["tool"]?.stringValue else { break }
            return .mcp(tool: tool, arguments: value["arguments"] ?? .object([:]))
        default: break
        }
        throw Mismatch(detail: "scorer \(value.jsonText) is not a known kind with its keys")
    }
}
