/// One turn of a multi-turn trial (`turns` in `results.jsonl`): its answer, its score and what it
/// cost. The trial completes when every turn does, and its reward is the turns' mean.
public struct TurnResult: Sendable, Hashable, Codable {
    /// 1-based.
    public var turn: Int
    /// The model answered this turn with JSON that matches the turn's schema.
    public var completed: Bool
    /// In [0, 1]; 0 when not completed.
    public var reward: Double
    /// The scorer's detail, when it gives one.
    public var scoreDetail: JSONValue?
    /// The turn's parsed answer, when it was JSON.
    public var finalAnswer: JSONValue?
    /// Model requests in this turn.
    public var steps: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// Why the turn did not complete; `not reached` when the conversation ended before it.
    public var error: TrialError?

    /// A turn as measured.
    public init(turn: Int, completed: Bool, reward: Double, scoreDetail: JSONValue? = nil, finalAnswer: JSONValue? = nil,
                steps: Int, promptTokens: Int, completionTokens: Int, error: TrialError? = nil) {
        self.turn = turn
        self.completed = completed
        self.reward = reward
        self.scoreDetail = scoreDetail
        self.finalAnswer = finalAnswer
        self.steps = steps
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.error = error
    }

    enum CodingKeys: String, CodingKey {
        case turn, completed, reward, steps, error
        case scoreDetail = "score_detail", finalAnswer = "final_answer"
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens"
    }
}
