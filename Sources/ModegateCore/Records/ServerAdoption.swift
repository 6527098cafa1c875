import Foundation

/// How one trial used one MCP server it was offered (CodePlane's adoption figures): whether the
/// agent reached for the server at all, how soon, how steadily, and what it pulled from it.
/// Stored per trial (`server_adoption` of a results line) and summed per arm (`ServerAdoptionTotals`).
public struct ServerAdoption: Sendable, Codable, Hashable {
    /// Calls to the server's tools.
    public var calls: Int
    /// Calls to every other tool (the harness's own, other servers').
    public var otherCalls: Int
    /// Calls made before the first one to the server; nil when the trial never called it.
    public var callsBeforeFirst: Int?
    /// The longest run of consecutive calls to other tools.
    public var longestStreakWithout: Int
    /// Runs of two or more calls to the server, each within `burstWindow` of the one before.
    public var bursts: Int
    /// Bytes of the server's replies: what its tools could pull into the model's context.
    public var resultBytes: Int
    /// Calls to the server that answered with an error.
    public var errorCalls: Int
    /// The trial's model requests (inference rounds).
    public var inferenceRounds: Int

    /// Seconds between two calls of one burst.
    public static let burstWindow = 1.0

    /// The share of the trial's tool calls that went to the server; 0 without calls.
    public var share: Double { calls + otherCalls == 0 ? 0 : Double(calls) / Double(calls + otherCalls) }
    /// Tool calls per model turn, all tools counted.
    public var callsPerTurn: Double { inferenceRounds == 0 ? 0 : Double(calls + otherCalls) / Double(inferenceRounds) }

    /// The figures of `server` in a trial's calls, in issue order.
    public init(server: String, calls traces: [ToolCallTrace], modelRequests: Int) {
        var calls = 0, other = 0, streak = 0, longest = 0, bursts = 0, bytes = 0, errors = 0
        var first: Int?
        var lastAt: Double?
        var inBurst = false
        for (index, trace) in traces.enumerated() {
            guard trace.server == server else {
                other += 1
                streak += 1
                longest = max(longest, streak)
                continue
            }
            streak = 0
            calls += 1
            if first == nil { first = index }
            bytes += trace.resultBytes ?? 0
            if trace.isError { errors += 1 }
            if let at = trace.at, let previous = lastAt, at - previous <= Self.burstWindow {
                if !inBurst { bursts += 1 }
                inBurst = true
            } else {
                inBurst = false
            }
            lastAt = trace.at
        }
        self.calls = calls
        otherCalls = other
        callsBeforeFirst = first
        longestStreakWithout = longest
        self.bursts = bursts
        resultBytes = bytes
        errorCalls = errors
        inferenceRounds = modelRequests
    }

    /// Every server's figures, for the servers the trial was offered.
    public static func of(servers: Set<String>, calls: [ToolCallTrace], modelRequests: Int) -> [String: ServerAdoption] {
        Dictionary(uniqueKeysWithValues: servers.map { ($0, ServerAdoption(server: $0, calls: calls, modelRequests: modelRequests)) })
    }

    enum CodingKeys: String, CodingKey {
        case calls, bursts
        case otherCalls = "other_calls", callsBeforeFirst = "calls_before_first"
        case longestStreakWithout = "longest_streak_without", resultBytes = "result_bytes"
        case errorCalls = "error_calls", inferenceRounds = "inference_rounds"
    }
}

/// An arm's adoption of one server over its trials: the sums, and the shares they give.
public struct ServerAdoptionTotals: Sendable, Codable, Hashable {
    /// Trials offered the server.
    public var trials = 0
    /// Trials that called it at least once.
    public var trialsUsing = 0
    public var calls = 0
    public var otherCalls = 0
    /// Sum of `calls_before_first` over the trials using it (for the mean).
    public var callsBeforeFirst = 0
    /// The longest streak without the server in any trial.
    public var longestStreakWithout = 0
    public var bursts = 0
    public var resultBytes = 0
    public var errorCalls = 0
    public var inferenceRounds = 0

    public init() {}

    public mutating func add(_ trial: ServerAdoption) {
        trials += 1
        calls += trial.calls
        otherCalls += trial.otherCalls
        if let first = trial.callsBeforeFirst {
            trialsUsing += 1
            callsBeforeFirst += first
        }
        longestStreakWithout = max(longestStreakWithout, trial.longestStreakWithout)
        bursts += trial.bursts
        resultBytes += trial.resultBytes
        errorCalls += trial.errorCalls
        inferenceRounds += trial.inferenceRounds
    }

    /// The share of the arm's tool calls that went to the server.
    public var share: Double { calls + otherCalls == 0 ? 0 : Double(calls) / Double(calls + otherCalls) }
    /// Tool calls per model turn over the arm.
    public var callsPerTurn: Double { inferenceRounds == 0 ? 0 : Double(calls + otherCalls) / Double(inferenceRounds) }
    /// The mean number of calls before the first to the server, over trials that used it.
    public var meanCallsBeforeFirst: Double? { trialsUsing == 0 ? nil : Double(callsBeforeFirst) / Double(trialsUsing) }

    enum CodingKeys: String, CodingKey {
        case trials, calls, bursts
        case trialsUsing = "trials_using", otherCalls = "other_calls", callsBeforeFirst = "calls_before_first_sum"
        case longestStreakWithout = "longest_streak_without", resultBytes = "result_bytes"
        case errorCalls = "error_calls", inferenceRounds = "inference_rounds"
    }
}
