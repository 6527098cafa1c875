/// One task of a preset.
public struct PresetCase: Sendable, Hashable, Codable {
    /// Unique within the preset; with the preset and repetition it keys a trial.
    public var id: String
    /// The task as the model reads it.
    public var prompt: String
    /// JSON Schema of the final answer.
    public var answerSchema: JSONValue
    /// The expected answer when the file states it; else the suite's oracle computes it from `params`.
    public var expected: JSONValue?
    /// How the final answer becomes a reward.
    public var scorer: ScorerSpec
    /// What the suite generates the case's data from; the oracle reads it too.
    public var params: JSONValue
    /// A JavaScript program that solves the case (the scripted model needs it).
    public var reference: String?
    /// What the user says after each answer, in order (`turns:`); nil for a single-turn case. The
    /// fields above are the first turn.
    public var turns: [PresetTurn]?

    /// The suite's tools the case offers (`tools:`), by name; nil for every tool. The rest are
    /// hidden from both arms and refused if called, as a case over a large server needs.
    public var tools: [String]?

    /// A call the harness makes before the first turn (`setup:`); nil for none.
    public var setup: CaseSetup?

    /// The tools only the harness calls (the setup and `mcp` checker tools), hidden from both arms.
    public var harnessTools: Set<String> {
        var names = Set([setup?.tool].compactMap { $0 })
        for scorer in [scorer] + followUps.compactMap(\.scorer) {
            if case .mcp(let tool, _) = scorer { names.insert(tool) }
        }
        return names
    }

    /// The follow-up turns; empty for a single-turn case.
    public var followUps: [PresetTurn] { turns ?? [] }

    /// A case as given.
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

    enum CodingKeys: String, CodingKey { case id, prompt, expected, scorer, params, reference, turns, tools, setup, answerSchema = "answer_schema" }
}
