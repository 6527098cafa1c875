/// A named workload: a suite plus cases (DESIGN §4), loaded from `presets/*.yaml` or a user file.
public struct Preset: Sendable, Hashable, Codable {
    public enum SuiteReference: Sendable, Hashable, Codable {
        case builtin(String)
        /// `suite: {mcp: SERVER}`: the tools of an MCP server named in the gate.
        case mcp(String)
    }

    public var name: String
    public var description: String
    public var suite: SuiteReference
    public var cases: [PresetCase]
    /// Where it was loaded from, for messages.
    public var sourcePath: String

    public init(name: String, description: String, suite: SuiteReference, cases: [PresetCase], sourcePath: String) {
        self.name = name
        self.description = description
        self.suite = suite
        self.cases = cases
        self.sourcePath = sourcePath
    }
}

/// One task of a preset.
public struct PresetCase: Sendable, Hashable, Codable {
    public var id: String
    public var prompt: String
    /// JSON Schema of the final answer.
    public var answerSchema: JSONValue
    /// The expected answer when the file states it; else the suite's oracle computes it from `params`.
    public var expected: JSONValue?
    public var scorer: ScorerSpec
    public var params: JSONValue
    /// A JavaScript program that solves the case (the scripted model needs it).
    public var reference: String?

    public init(id: String, prompt: String, answerSchema: JSONValue, expected: JSONValue?, scorer: ScorerSpec,
                params: JSONValue = .object([:]), reference: String?) {
        self.id = id
        self.prompt = prompt
        self.answerSchema = answerSchema
        self.expected = expected
        self.scorer = scorer
        self.params = params
        self.reference = reference
    }

    enum CodingKeys: String, CodingKey { case id, prompt, expected, scorer, params, reference, answerSchema = "answer_schema" }
}

/// How a case's answer is scored; every scorer gives a reward in [0, 1].
public enum ScorerSpec: Sendable, Hashable, Codable {
    /// Canonical JSON equality.
    case exact
    /// Every field of the expected object must match (numbers within `tolerance`); reward is the fraction matched.
    case fields(tolerance: Double)
    /// F1 between the expected and answered sets in a list field.
    case setF1(field: String)
    /// NDCG@k of the ranking in a list field against the expected ranking.
    case ndcg(field: String, k: Int)
    /// Share of the expected top k found in the answer's first k.
    case topK(field: String, k: Int)
    /// The suite's final state equals the expected state.
    case state
    /// Fraction of items right, position by position, in a list field.
    case perItem(field: String)
    /// A scorer program run in the sandbox: receives `answer` and `expected`, returns a number in [0, 1].
    case js(program: String)
}
