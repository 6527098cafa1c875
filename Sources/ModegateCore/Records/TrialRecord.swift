import Foundation

/// One trial (case × repetition × strategy): one line of `results.jsonl` (DESIGN §7). Its
/// counters are `TrialCounters`, written as flat fields of the line and read through the record
/// (`record.modelRequests`).
@dynamicMemberLookup
public struct TrialRecord: Sendable, Codable, Hashable {
    /// The run the trial belongs to.
    public var runID: String
    /// The preset of the trial's case.
    public var preset: String
    /// The case's id within its preset.
    public var caseID: String
    /// 0-based repetition index; pairs with the same index of the other arm.
    public var repetition: Int
    /// How the arm used tools.
    public var strategy: Strategy
    /// The model delivered a schema-valid final answer without an error.
    public var completed: Bool
    /// The scorer's reward in [0, 1] (0 when not completed).
    public var reward: Double
    /// What the scorer found, for reports.
    public var scoreDetail: JSONValue?
    /// The model's final answer, parsed.
    public var finalAnswer: JSONValue?
    /// Model turns the trial took (its model requests).
    public var steps: Int
    /// Everything the trial counted.
    public var counters: TrialCounters
    /// True when token counts were estimated from bytes (the scripted model), not reported by a provider.
    public var tokensEstimated: Bool
    /// The trial's cost at the gate's prices.
    public var cost: Double
    /// Why the trial did not finish normally, if it did not.
    public var error: TrialError?
    /// How the trial's first program failed (`syntax_error`, `exception`, `timeout`,
    /// `unknown_tool`, `guardrail_blocked`, …); absent when it succeeded or none ran.
    public var firstProgramFailure: String?
    /// MCP servers this trial found dead (crashed after an earlier trial) and started again, by
    /// name; absent when it started none.
    public var mcpRestarts: [String: Int]?
    /// Why: the same restarts by server and reason (`crash`, `hang`, `protocol`); absent when
    /// it started none.
    public var mcpRestartReasons: [String: [String: Int]]?
    /// How the trial used each MCP server it was offered (an arm's added servers, an MCP
    /// suite's server), by server; absent for a trial offered none.
    public var serverAdoption: [String: ServerAdoption]?
    /// A multi-turn case: each turn's answer, reward, steps and tokens; absent for one turn.
    public var turns: [TurnResult]?
    /// When the trial started.
    public var startedAt: Date
    /// When it ended.
    public var finishedAt: Date

    /// A trial's record; counters default to none.
    public init(
        runID: String, preset: String, caseID: String, repetition: Int, strategy: Strategy,
        completed: Bool, reward: Double, scoreDetail: JSONValue? = nil, finalAnswer: JSONValue? = nil,
        steps: Int, counters: TrialCounters = TrialCounters(), tokensEstimated: Bool = false, cost: Double = 0,
        error: TrialError? = nil, firstProgramFailure: String? = nil, mcpRestarts: [String: Int]? = nil,
        startedAt: Date, finishedAt: Date
    ) {
        self.firstProgramFailure = firstProgramFailure
        self.runID = runID
        self.preset = preset
        self.caseID = caseID
        self.repetition = repetition
        self.strategy = strategy
        self.completed = completed
        self.reward = reward
        self.scoreDetail = scoreDetail
        self.finalAnswer = finalAnswer
        self.steps = steps
        self.counters = counters
        self.tokensEstimated = tokensEstimated
        self.cost = cost
        self.error = error
        self.mcpRestarts = mcpRestarts
        mcpRestartReasons = mcpRestarts.map { MCPRestarts(counts: $0, reasons: nil).reasons }
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// A counter of the trial, by its name in `TrialCounters`.
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<TrialCounters, Value>) -> Value {
        get { counters[keyPath: keyPath] }
        set { counters[keyPath: keyPath] = newValue }
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", preset, caseID = "case_id", repetition, strategy, completed, reward
        case scoreDetail = "score_detail", finalAnswer = "final_answer", steps
        case tokensEstimated = "tokens_estimated"
        case cost, error, firstProgramFailure = "first_program_failure", mcpRestarts = "mcp_restarts"
        case mcpRestartReasons = "mcp_restart_reasons", startedAt = "started_at", finishedAt = "finished_at"
        case serverAdoption = "server_adoption"
        case turns
    }

    /// Reads a line of `results.jsonl`; the counters come from the same flat object.
    /// Version 1 lines (no `schema_version`) have the same fields, the later ones absent.
    public init(from decoder: any Decoder) throws {
        _ = try RecordSchema.version(from: decoder)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runID = try container.decode(String.self, forKey: .runID)
        preset = try container.decode(String.self, forKey: .preset)
        caseID = try container.decode(String.self, forKey: .caseID)
        repetition = try container.decode(Int.self, forKey: .repetition)
        strategy = try container.decode(Strategy.self, forKey: .strategy)
        completed = try container.decode(Bool.self, forKey: .completed)
        reward = try container.decode(Double.self, forKey: .reward)
        scoreDetail = try container.decodeIfPresent(JSONValue.self, forKey: .scoreDetail)
        finalAnswer = try container.decodeIfPresent(JSONValue.self, forKey: .finalAnswer)
        steps = try container.decode(Int.self, forKey: .steps)
        counters = try TrialCounters(from: decoder)
        tokensEstimated = try container.decode(Bool.self, forKey: .tokensEstimated)
        cost = try container.decode(Double.self, forKey: .cost)
        error = try container.decodeIfPresent(TrialError.self, forKey: .error)
        firstProgramFailure = try container.decodeIfPresent(String.self, forKey: .firstProgramFailure)
        mcpRestarts = try container.decodeIfPresent([String: Int].self, forKey: .mcpRestarts)
        mcpRestartReasons = try container.decodeIfPresent([String: [String: Int]].self, forKey: .mcpRestartReasons)
        serverAdoption = try container.decodeIfPresent([String: ServerAdoption].self, forKey: .serverAdoption)
        turns = try container.decodeIfPresent([TurnResult].self, forKey: .turns)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        finishedAt = try container.decode(Date.self, forKey: .finishedAt)
    }

    /// Writes one flat line: the counters beside the record's own fields.
    public func encode(to encoder: any Encoder) throws {
        // The counters are fields of the same line: with sorted keys it reads as it always did.
        try counters.encode(to: encoder)
        try RecordSchema.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runID, forKey: .runID)
        try container.encode(preset, forKey: .preset)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(repetition, forKey: .repetition)
        try container.encode(strategy, forKey: .strategy)
        try container.encode(completed, forKey: .completed)
        try container.encode(reward, forKey: .reward)
        try container.encodeIfPresent(scoreDetail, forKey: .scoreDetail)
        try container.encodeIfPresent(finalAnswer, forKey: .finalAnswer)
        try container.encode(steps, forKey: .steps)
        try container.encode(tokensEstimated, forKey: .tokensEstimated)
        try container.encode(cost, forKey: .cost)
        try container.encodeIfPresent(error, forKey: .error)
        try container.encodeIfPresent(firstProgramFailure, forKey: .firstProgramFailure)
        try container.encodeIfPresent(mcpRestarts, forKey: .mcpRestarts)
        try container.encodeIfPresent(mcpRestartReasons, forKey: .mcpRestartReasons)
        try container.encodeIfPresent(serverAdoption, forKey: .serverAdoption)
        try container.encodeIfPresent(turns, forKey: .turns)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
    }

    /// The trial's restarts with their reasons (`mcp_restarts` with `mcp_restart_reasons`).
    public var restarts: MCPRestarts {
        get { MCPRestarts(counts: mcpRestarts, reasons: mcpRestartReasons) }
        set {
            mcpRestarts = newValue.isEmpty ? nil : newValue.counts
            mcpRestartReasons = newValue.isEmpty ? nil : newValue.reasons
        }
    }

    /// The key trials pair on across arms (DESIGN §8).
    public var pairKey: PairKey { PairKey(preset: preset, caseID: caseID, repetition: repetition) }

    /// Input and output tokens.
    public var totalTokens: Int { counters.promptTokens + counters.completionTokens }
}
