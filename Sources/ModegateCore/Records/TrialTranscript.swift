import Foundation

/// One trial's conversation with the model as it went over the wire: one line of
/// `transcripts.jsonl` (DESIGN §7), written just before the trial's line of `results.jsonl`.
/// It is the audit trail of a run and the cassette the `replay` provider plays back.
public struct TrialTranscript: Sendable, Codable, Hashable {
    /// The run the trial belongs to.
    public var runID: String
    /// Which arm played the trial: baseline, candidate or bench.
    public var arm: ArmRole
    /// The case's preset.
    public var preset: String
    /// The case's id within its preset.
    public var caseID: String
    /// 0-based repetition index.
    public var repetition: Int
    /// How the arm used tools.
    public var strategy: Strategy
    /// The provider that answered (`openai`, `openai_responses`, `anthropic`, `azure_openai`, `scripted`, `replay`).
    public var provider: String
    /// How `request` and `response` are written: a provider's wire format, or `modegate` for
    /// models with no wire of their own (the scripted model).
    public var format: String
    /// The model's name; a replay refuses a gate whose `model.name` differs.
    public var model: String
    /// Every model request of the trial and what came back, in order (failed requests too).
    public var exchanges: [ModelExchange]
    /// Every tool call the trial made, in issue order; nil in transcripts written before it was
    /// recorded and for an external Code Mode server, whose programs call tools out of sight.
    public var toolCalls: [ToolCallTrace]?

    /// A transcript as given.
    public init(runID: String, arm: ArmRole, preset: String, caseID: String, repetition: Int, strategy: Strategy,
                provider: String, format: String, model: String, exchanges: [ModelExchange], toolCalls: [ToolCallTrace]? = nil) {
        self.runID = runID
        self.arm = arm
        self.preset = preset
        self.caseID = caseID
        self.repetition = repetition
        self.strategy = strategy
        self.provider = provider
        self.format = format
        self.model = model
        self.exchanges = exchanges
        self.toolCalls = toolCalls
    }

    enum CodingKeys: String, CodingKey {
        case arm, preset, repetition, strategy, provider, format, model, exchanges
        case runID = "run_id"
        case caseID = "case_id"
        case toolCalls = "tool_calls"
    }
}
