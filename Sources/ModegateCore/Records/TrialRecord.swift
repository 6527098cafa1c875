import Foundation

/// One trial (case × repetition × strategy): one line of `results.jsonl` (DESIGN §7).
public struct TrialRecord: Sendable, Codable, Hashable {
    public var runID: String
    public var preset: String
    public var caseID: String
    /// 0-based repetition index; pairs with the same index of the other arm.
    public var repetition: Int
    public var strategy: Strategy
    public var completed: Bool
    public var reward: Double
    public var scoreDetail: JSONValue?
    public var finalAnswer: JSONValue?
    public var steps: Int
    public var modelRequests: Int
    public var toolCalls: Int
    public var failedToolCalls: Int
    public var codemodeChainCalls: Int
    public var codemodeSearchCalls: Int
    public var codemodeDiscoveryCalls: Int
    public var codemodeGuardrailBlocked: Int
    public var mcpToolCalls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    public var cachedTokens: Int
    /// True when token counts were estimated from bytes (the scripted model), not reported by a provider.
    public var tokensEstimated: Bool
    public var toolResponseBytes: Int
    public var modelVisibleToolBytes: Int
    public var modelInputBytes: Int
    public var latency: TrialLatency
    public var cost: Double
    public var error: TrialError?
    /// MCP servers this trial found dead (crashed after an earlier trial) and started again, by
    /// name; absent when it started none.
    public var mcpRestarts: [String: Int]?
    public var startedAt: Date
    public var finishedAt: Date

    public init(
        runID: String, preset: String, caseID: String, repetition: Int, strategy: Strategy,
        completed: Bool, reward: Double, scoreDetail: JSONValue? = nil, finalAnswer: JSONValue? = nil,
        steps: Int, modelRequests: Int = 0, toolCalls: Int = 0, failedToolCalls: Int = 0,
        codemodeChainCalls: Int = 0, codemodeSearchCalls: Int = 0, codemodeDiscoveryCalls: Int = 0,
        codemodeGuardrailBlocked: Int = 0, mcpToolCalls: Int = 0, promptTokens: Int = 0,
        completionTokens: Int = 0, cachedTokens: Int = 0, tokensEstimated: Bool = false,
        toolResponseBytes: Int = 0, modelVisibleToolBytes: Int = 0, modelInputBytes: Int = 0,
        latency: TrialLatency = TrialLatency(), cost: Double = 0, error: TrialError? = nil,
        mcpRestarts: [String: Int]? = nil, startedAt: Date, finishedAt: Date
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
        self.modelRequests = modelRequests
        self.toolCalls = toolCalls
        self.failedToolCalls = failedToolCalls
        self.codemodeChainCalls = codemodeChainCalls
        self.codemodeSearchCalls = codemodeSearchCalls
        self.codemodeDiscoveryCalls = codemodeDiscoveryCalls
        self.codemodeGuardrailBlocked = codemodeGuardrailBlocked
        self.mcpToolCalls = mcpToolCalls
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cachedTokens = cachedTokens
        self.tokensEstimated = tokensEstimated
        self.toolResponseBytes = toolResponseBytes
        self.modelVisibleToolBytes = modelVisibleToolBytes
        self.modelInputBytes = modelInputBytes
        self.latency = latency
        self.cost = cost
        self.error = error
        self.mcpRestarts = mcpRestarts
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    enum CodingKeys: String, CodingKey {
        case runID = "run_id", preset, caseID = "case_id", repetition, strategy, completed, reward
        case scoreDetail = "score_detail", finalAnswer = "final_answer", steps
        case modelRequests = "model_requests", toolCalls = "tool_calls", failedToolCalls = "failed_tool_calls"
        case codemodeChainCalls = "codemode_chain_calls", codemodeSearchCalls = "codemode_search_calls"
        case codemodeDiscoveryCalls = "codemode_discovery_calls"
        case codemodeGuardrailBlocked = "codemode_guardrail_blocked", mcpToolCalls = "mcp_tool_calls"
        case promptTokens = "prompt_tokens", completionTokens = "completion_tokens", cachedTokens = "cached_tokens"
        case tokensEstimated = "tokens_estimated", toolResponseBytes = "tool_response_bytes"
        case modelVisibleToolBytes = "model_visible_tool_bytes", modelInputBytes = "model_input_bytes"
        case latency, cost, error, mcpRestarts = "mcp_restarts", startedAt = "started_at", finishedAt = "finished_at"
    }

    /// The key trials pair on across arms (DESIGN §8).
    public var pairKey: PairKey { PairKey(preset: preset, caseID: caseID, repetition: repetition) }

    public var totalTokens: Int { promptTokens + completionTokens }
}

/// Seconds spent in a trial, split by where the time went.
public struct TrialLatency: Sendable, Codable, Hashable {
    public var total: Double
    public var model: Double
    public var tool: Double
    public var sandbox: Double

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
    public enum Category: String, Sendable, Codable, CaseIterable {
        case provider, mcp, sandbox, tool, timeout, budget, guardrail, model, answer, cancelled

        /// Infrastructure errors are the harness's or a service's fault, not the strategy's.
        public var isInfrastructure: Bool {
            switch self {
            case .provider, .mcp, .sandbox, .budget, .cancelled: true
            case .tool, .timeout, .guardrail, .model, .answer: false
            }
        }
    }

    public var category: Category
    public var message: String

    public init(category: Category, message: String) {
        self.category = category
        self.message = message
    }
}

/// Identity of a paired trial: (preset, case id, repetition).
public struct PairKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var preset: String
    public var caseID: String
    public var repetition: Int

    public init(preset: String, caseID: String, repetition: Int) {
        self.preset = preset
        self.caseID = caseID
        self.repetition = repetition
    }

    public var caseKey: CaseKey { CaseKey(preset: preset, caseID: caseID) }

    public static func < (lhs: PairKey, rhs: PairKey) -> Bool {
        (lhs.preset, lhs.caseID, lhs.repetition) < (rhs.preset, rhs.caseID, rhs.repetition)
    }

    public var description: String { "\(preset)/\(caseID)#\(repetition)" }

    enum CodingKeys: String, CodingKey { case preset, caseID = "case_id", repetition }
}

/// Identity of a case across repetitions: the unit the bootstrap resamples.
public struct CaseKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var preset: String
    public var caseID: String

    public init(preset: String, caseID: String) {
        self.preset = preset
        self.caseID = caseID
    }

    public static func < (lhs: CaseKey, rhs: CaseKey) -> Bool { (lhs.preset, lhs.caseID) < (rhs.preset, rhs.caseID) }

    public var description: String { "\(preset)/\(caseID)" }

    enum CodingKeys: String, CodingKey { case preset, caseID = "case_id" }
}
