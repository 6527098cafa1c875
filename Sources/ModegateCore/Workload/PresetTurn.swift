/// What the user says next in a multi-turn case (`turns:`), after the model answered the turn
/// before: the conversation goes on with the same history and tools, and this turn's answer is
/// scored on its own.
public struct PresetTurn: Sendable, Hashable, Codable {
    /// The user's next message.
    public var prompt: String
    /// JSON Schema of this turn's answer; `{}` accepts any JSON value.
    public var answerSchema: JSONValue
    /// This turn's expected answer; nil when the turn is not scored (it passes when answered).
    public var expected: JSONValue?
    /// How this turn's answer is scored; nil with no `expected` (answered is enough), `exact` by default.
    public var scorer: ScorerSpec?
    /// The program that answers this turn, for the scripted model.
    public var reference: String?

    /// A turn as given.
    public init(prompt: String, answerSchema: JSONValue = .object([:]), expected: JSONValue? = nil, scorer: ScorerSpec? = nil,
                reference: String? = nil) {
        self.prompt = prompt
        self.answerSchema = answerSchema
        self.expected = expected
        self.scorer = scorer
        self.reference = reference
    }

    enum CodingKeys: String, CodingKey { case prompt, expected, scorer, reference, answerSchema = "answer_schema" }
}
