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
    /// MCP servers this trial found dead (crashed after an earlier trial) and started again, by
    /// name; absent when it started none.
    public var mcpRestarts: [String: Int]?
    /// When the trial started.
    public var startedAt: Date
    /// When it ended.
    public var finishedAt: Date

    /// A trial's record; counters default to none.
    public init(
        runID: String, preset: String, caseID: String, repetition: Int, strategy: Strategy,
        completed: Bool, reward: Double, scoreDetail: JSONValue? = nil, finalAnswer: JSONValue? = nil,
        steps: Int, counters: TrialCounters = TrialCounters(), tokensEstimated: Bool = false, cost: Double = 0,
        error: TrialError? = nil, mcpRestarts: [String: Int]? = nil, startedAt: Date, finishedAt: Date
    ) {
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
        case cost, error, mcpRestarts = "mcp_restarts", startedAt = "started_at", finishedAt = "finished_at"
    }

    /// Reads a line of `results.jsonl`; the counters come from the same flat object.
    public init(from decoder: any Decoder) throws {
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
        mcpRestarts = try container.decodeIfPresent([String: Int].self, forKey: .mcpRestarts)
        startedAt = try container.decode(Date.self, forKey: .startedAt)
        finishedAt = try container.decode(Date.self, forKey: .finishedAt)
    }

    /// Writes one flat line: the counters beside the record's own fields.
    public func encode(to encoder: any Encoder) throws {
        // The counters are fields of the same line: with sorted keys it reads as it always did.
        try counters.encode(to: encoder)
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
        try container.encodeIfPresent(mcpRestarts, forKey: .mcpRestarts)
        try container.encode(startedAt, forKey: .startedAt)
        try container.encode(finishedAt, forKey: .finishedAt)
    }

    /// The key trials pair on across arms (DESIGN §8).
    public var pairKey: PairKey { PairKey(preset: preset, caseID: caseID, repetition: repetition) }

    /// Input and output tokens.
    public var totalTokens: Int { counters.promptTokens + counters.completionTokens }
}

/// Seconds spent in a trial, split by where the time went.
public struct TrialLatency: Sendable, Codable, Hashable {
    /// Wall-clock seconds of the whole trial; the judge's p95 latency and the summary use it.
    public var total: Double
    /// Seconds waiting for the model's answers (a replay's are the recorded ones).
    public var model: Double
    /// Seconds in tool calls, summed over calls, so calls made at once add up.
    public var tool: Double
    /// Seconds Code Mode programs ran, their tool calls included.
    public var sandbox: Double

    /// Times as given; none by default.
    public init(total: Double = 0, model: Double = 0, tool: Double = 0, sandbox: Double = 0) {
        self.total = total
        self.model = model
        self.tool = tool
        self.sandbox = sandbox
    }
}

/// Why a trial did not finish normally. `category` separates infrastructure failures (which count
/// toward `max_error_rate`) from the model's own failures (which count against completion only).
public struct TrialError: Sendable, Codable, Hashable {
    /// What kind of failure it was; `isInfrastructure` decides where it counts.
    public enum Category: String, Sendable, Codable, CaseIterable {
        /// - `provider`: the model could not be had: an HTTP error, a timeout, an unreadable answer, a
        ///   replay miss; also any failure without a kind of its own.
        /// - `mcp`: the tools' MCP server, or an external Code Mode server, failed under the trial.
        /// - `sandbox`: the sandbox itself failed, not the program.
        /// - `tool`: a tool's failure ended the trial.
        /// - `timeout`: the trial ran out of time.
        /// - `budget`: the run's `budget:` ran out during the trial.
        /// - `guardrail`: a guardrail ended the trial.
        /// - `model`: no final answer within `max_steps`.
        /// - `answer`: the final answer is not JSON or does not match the case's answer schema.
        /// - `cancelled`: the run was interrupted; `--resume` plays the trial again.
        ///
        /// The harness records no `sandbox`, `tool`, `timeout` or `guardrail` error today: a program's
        /// failure, a failed tool call and a blocked program go back to the model, which may recover.
        case provider, mcp, sandbox, tool, timeout, budget, guardrail, model, answer, cancelled

        /// Infrastructure errors are the harness's or a service's fault, not the strategy's.
        public var isInfrastructure: Bool {
            switch self {
            case .provider, .mcp, .sandbox, .budget, .cancelled: true
            case .tool, .timeout, .guardrail, .model, .answer: false
            }
        }
    }

    /// Which kind of failure; the infrastructure kinds count toward `max_error_rate`.
    public var category: Category
    /// What happened, in words, for whoever reads the trial's line.
    public var message: String

    /// An error as given.
    public init(category: Category, message: String) {
        self.category = category
        self.message = message
    }
}

/// Identity of a paired trial: (preset, case id, repetition).
public struct PairKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The case's preset.
    public var preset: String
    /// The case's id within its preset.
    public var caseID: String
    /// 0-based repetition index.
    public var repetition: Int

    /// A key as given.
    public init(preset: String, caseID: String, repetition: Int) {
        self.preset = preset
        self.caseID = caseID
        self.repetition = repetition
    }

    /// The case without the repetition: what the bootstrap resamples.
    public var caseKey: CaseKey { CaseKey(preset: preset, caseID: caseID) }

    /// By preset, case id, then repetition: the order of a summary's `case_results`.
    public static func < (lhs: PairKey, rhs: PairKey) -> Bool {
        (lhs.preset, lhs.caseID, lhs.repetition) < (rhs.preset, rhs.caseID, rhs.repetition)
    }

    /// `preset/case#repetition`, for messages.
    public var description: String { "\(preset)/\(caseID)#\(repetition)" }

    enum CodingKeys: String, CodingKey { case preset, caseID = "case_id", repetition }
}

/// Identity of a case across repetitions: the unit the bootstrap resamples.
public struct CaseKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The case's preset.
    public var preset: String
    /// The case's id within its preset.
    public var caseID: String

    /// A key as given.
    public init(preset: String, caseID: String) {
        self.preset = preset
        self.caseID = caseID
    }

    /// By preset, then case id.
    public static func < (lhs: CaseKey, rhs: CaseKey) -> Bool { (lhs.preset, lhs.caseID) < (rhs.preset, rhs.caseID) }

    /// `preset/case`, for messages.
    public var description: String { "\(preset)/\(caseID)" }

    enum CodingKeys: String, CodingKey { case preset, caseID = "case_id" }
}
