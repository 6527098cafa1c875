/// One trial of one arm as `explain` shows it: the outcome, the answer and its score, what it
/// spent, the tool calls it made, and where its transcript is.
public struct TrialEvidence: Sendable, Codable, Hashable {
    /// 0-based repetition.
    public var repetition: Int
    /// Whether the answer counted as completed.
    public var completed: Bool
    /// The scorer's reward.
    public var reward: Double
    /// Model requests.
    public var steps: Int
    /// Prompt and completion tokens.
    public var tokens: Int
    /// Wall-clock seconds of the whole trial (its latency, as the p95 gate measures it).
    public var seconds: Double
    /// What the trial cost at the gate's prices.
    public var cost: Double
    /// The final answer, when one parsed.
    public var finalAnswer: JSONValue?
    /// The scorer's detail.
    public var scoreDetail: JSONValue?
    /// Why the trial did not finish normally.
    public var error: TrialError?
    /// How its first program failed (Code Mode).
    public var firstProgramFailure: String?
    /// Its tool calls in issue order; nil when the transcript has none on record.
    public var toolCalls: [ToolCallTrace]?
    /// Its line of `transcripts.jsonl`; nil when the run kept no transcript of it.
    public var transcript: TranscriptLocation?

    /// The evidence of a trial's record, with its transcript's tool calls and location.
    public init(_ record: TrialRecord, toolCalls: [ToolCallTrace]?, transcript: TranscriptLocation?) {
        repetition = record.repetition
        completed = record.completed
        reward = record.reward
        steps = record.steps
        tokens = record.totalTokens
        seconds = record.counters.latency.total
        cost = record.cost
        finalAnswer = record.finalAnswer
        scoreDetail = record.scoreDetail
        error = record.error
        firstProgramFailure = record.firstProgramFailure
        self.toolCalls = toolCalls
        self.transcript = transcript
    }

    /// Its first tool call that answered with an error, with its 0-based index.
    public var firstFailedCall: IndexedCall? {
        guard let calls = toolCalls, let index = calls.firstIndex(where: \.isError) else { return nil }
        return IndexedCall(index: index, call: calls[index])
    }

    enum CodingKeys: String, CodingKey {
        case repetition, completed, reward, steps, tokens, seconds, cost, error, transcript
        case finalAnswer = "final_answer", scoreDetail = "score_detail"
        case firstProgramFailure = "first_program_failure", toolCalls = "tool_calls"
    }
}

/// A tool call and its place in its trial's sequence.
public struct IndexedCall: Sendable, Codable, Hashable {
    /// 0-based position among the trial's calls.
    public var index: Int
    /// The call.
    public var call: ToolCallTrace
}
