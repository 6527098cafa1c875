/// How much an arm's model actually used its tools the way the strategy intends (DESIGN §7):
/// public A/B tests of Code Mode found models that barely call `run_code`, and a verdict must
/// show that rather than fold it into reward. For a code-mode arm: trials that never ran a
/// program, programs per trial, discovery calls, and how first programs failed; for a
/// tool-calling arm: calls to tools that do not exist and calls whose arguments break the
/// tool's schema.
public struct CodeModeAdoption: Sendable, Codable, Hashable {
    /// Trials counted.
    public var trials = 0
    /// Code-mode trials in which the model never called `run_code` (or the server's execute tool).
    public var trialsWithoutCode = 0
    /// Programs run, over all trials.
    public var runCodeCalls = 0
    /// `search_tools` and `tool_info` calls, over all trials.
    public var discoveryCalls = 0
    /// Trials whose first program failed, by the failure's kind (`syntax_error`, `exception`,
    /// `timeout`, `unknown_tool`, `guardrail_blocked`, …).
    public var firstProgramFailures: [String: Int] = [:]
    /// Calls to tools the suite does not have (by the model, or by its programs).
    public var unknownToolCalls = 0
    /// Calls whose arguments do not match the tool's input schema.
    public var invalidArgumentCalls = 0

    /// Nothing counted yet.
    public init() {}

    /// The share of trials that ran at least one program; 0 for an arm with no trials.
    public var codeShare: Double { trials == 0 ? 0 : Double(trials - trialsWithoutCode) / Double(trials) }

    /// Programs per trial.
    public var runCodeCallsPerTrial: Double { trials == 0 ? 0 : Double(runCodeCalls) / Double(trials) }

    /// Adds one trial.
    public mutating func add(_ trial: TrialRecord) {
        trials += 1
        if trial.strategy == .codemode, trial.codemodeChainCalls == 0 { trialsWithoutCode += 1 }
        runCodeCalls += trial.codemodeChainCalls
        discoveryCalls += trial.codemodeSearchCalls + trial.codemodeDiscoveryCalls
        if let kind = trial.firstProgramFailure { firstProgramFailures[kind, default: 0] += 1 }
        unknownToolCalls += trial.unknownToolCalls
        invalidArgumentCalls += trial.invalidArgumentCalls
    }

    /// Below this share of trials that ran code, a verdict on a code-mode candidate measures
    /// prompting, not Code Mode.
    public static let warningShare = 0.8

    enum CodingKeys: String, CodingKey {
        case trials, trialsWithoutCode = "trials_without_code", runCodeCalls = "run_code_calls"
        case discoveryCalls = "discovery_calls", firstProgramFailures = "first_program_failures"
        case unknownToolCalls = "unknown_tool_calls", invalidArgumentCalls = "invalid_argument_calls"
        case codeShare = "code_share", runCodeCallsPerTrial = "run_code_calls_per_trial"
    }

    /// Reads the counts; the share and the rate are derived, not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trials = try container.decode(Int.self, forKey: .trials)
        trialsWithoutCode = try container.decode(Int.self, forKey: .trialsWithoutCode)
        runCodeCalls = try container.decode(Int.self, forKey: .runCodeCalls)
        discoveryCalls = try container.decode(Int.self, forKey: .discoveryCalls)
        firstProgramFailures = try container.decode([String: Int].self, forKey: .firstProgramFailures)
        unknownToolCalls = try container.decode(Int.self, forKey: .unknownToolCalls)
        invalidArgumentCalls = try container.decode(Int.self, forKey: .invalidArgumentCalls)
    }

    /// The counts, with the share and the per-trial rate for readers of the JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(trials, forKey: .trials)
        try container.encode(trialsWithoutCode, forKey: .trialsWithoutCode)
        try container.encode(runCodeCalls, forKey: .runCodeCalls)
        try container.encode(discoveryCalls, forKey: .discoveryCalls)
        try container.encode(firstProgramFailures, forKey: .firstProgramFailures)
        try container.encode(unknownToolCalls, forKey: .unknownToolCalls)
        try container.encode(invalidArgumentCalls, forKey: .invalidArgumentCalls)
        try container.encode(codeShare, forKey: .codeShare)
        try container.encode(runCodeCallsPerTrial, forKey: .runCodeCallsPerTrial)
    }
}
