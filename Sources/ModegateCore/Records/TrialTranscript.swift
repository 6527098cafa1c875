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
    /// The trial's time as measured when it was recorded (the results line's `latency`): a replay
    /// judges with it, so its latency gates see what the recorded run saw. Nil in version-1 lines.
    public var latency: TrialLatency?

    /// A transcript as given.
    public init(runID: String, arm: ArmRole, preset: String, caseID: String, repetition: Int, strategy: Strategy,
                provider: String, format: String, model: String, exchanges: [ModelExchange], toolCalls: [ToolCallTrace]? = nil,
                latency: TrialLatency? = nil) {
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
        self.latency = latency
    }

    enum CodingKeys: String, CodingKey {
        case arm, preset, repetition, strategy, provider, format, model, exchanges
        case runID = "run_id"
        case caseID = "case_id"
        case toolCalls = "tool_calls", latency
    }

    /// Version 1 lines (no `schema_version`) have the same fields; `tool_calls` and `latency`
    /// may be absent.
    public init(from decoder: any Decoder) throws {
        _ = try RecordSchema.version(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runID = try container.decode(String.self, forKey: .runID)
        arm = try container.decode(ArmRole.self, forKey: .arm)
        preset = try container.decode(String.self, forKey: .preset)
        caseID = try container.decode(String.self, forKey: .caseID)
        repetition = try container.decode(Int.self, forKey: .repetition)
        strategy = try container.decode(Strategy.self, forKey: .strategy)
        provider = try container.decode(String.self, forKey: .provider)
        format = try container.decode(String.self, forKey: .format)
        model = try container.decode(String.self, forKey: .model)
        exchanges = try container.decode([ModelExchange].self, forKey: .exchanges)
        toolCalls = try container.decodeIfPresent([ToolCallTrace].self, forKey: .toolCalls)
        latency = try container.decodeIfPresent(TrialLatency.self, forKey: .latency)
    }

    public func encode(to encoder: any Encoder) throws {
        try RecordSchema.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runID, forKey: .runID)
        try container.encode(arm, forKey: .arm)
        try container.encode(preset, forKey: .preset)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(repetition, forKey: .repetition)
        try container.encode(strategy, forKey: .strategy)
        try container.encode(provider, forKey: .provider)
        try container.encode(format, forKey: .format)
        try container.encode(model, forKey: .model)
        try container.encode(exchanges, forKey: .exchanges)
        try container.encodeIfPresent(toolCalls, forKey: .toolCalls)
        try container.encodeIfPresent(latency, forKey: .latency)
    }
}
