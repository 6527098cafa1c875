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
    /// The provider that answered (`openai`, `anthropic`, `azure_openai`, `scripted`, `replay`).
    public var provider: String
    /// How `request` and `response` are written: a provider's wire format, or `modegate` for
    /// models with no wire of their own (the scripted model).
    public var format: String
    /// The model's name; a replay refuses a gate whose `model.name` differs.
    public var model: String
    /// Every model request of the trial and what came back, in order (failed requests too).
    public var exchanges: [ModelExchange]

    /// A transcript as given.
    public init(runID: String, arm: ArmRole, preset: String, caseID: String, repetition: Int, strategy: Strategy,
                provider: String, format: String, model: String, exchanges: [ModelExchange]) {
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
    }

    enum CodingKeys: String, CodingKey {
        case arm, preset, repetition, strategy, provider, format, model, exchanges
        case runID = "run_id"
        case caseID = "case_id"
    }
}

/// One model request and what came back: the body sent (the last attempt's), the body received
/// (parsed when it is JSON, else as text), the HTTP status, attempts and seconds, or the error
/// that ended it. Headers are never kept: that is where keys travel.
public struct ModelExchange: Sendable, Codable, Hashable {
    /// 1-based position of the request within its trial.
    public var turn: Int
    /// Where the request went (scheme, host, port, path), nil for a model with no wire.
    public var endpoint: String?
    /// The body sent, in the transcript's format.
    public var request: JSONValue
    /// The body received, when it is JSON; nil when it is not or nothing came back.
    public var response: JSONValue?
    /// The answer's body when it is not JSON (truncated, an HTML error page), cut to 4 KB.
    public var responseText: String?
    /// The HTTP status of the last attempt; nil without one (no wire, or no answer at all).
    public var status: Int?
    /// Tries it took, retries included.
    public var attempts: Int
    /// Seconds from the first attempt to the answer, waits between retries included.
    public var seconds: Double
    /// What went wrong, when the request got no usable answer.
    public var error: String?
    /// Adjustments made on the way (a parameter the server refused and the request sent again).
    public var notes: [String]?

    /// An exchange as given; a model with no wire sets just the request, the answer and the time.
    public init(turn: Int = 0, endpoint: String? = nil, request: JSONValue, response: JSONValue? = nil,
                responseText: String? = nil, status: Int? = nil, attempts: Int = 1, seconds: Double = 0,
                error: String? = nil, notes: [String]? = nil) {
        self.turn = turn
        self.endpoint = endpoint
        self.request = request
        self.response = response
        self.responseText = responseText
        self.status = status
        self.attempts = attempts
        self.seconds = seconds
        self.error = error
        self.notes = notes
    }

    enum CodingKeys: String, CodingKey {
        case turn, endpoint, request, response, status, attempts, seconds, error, notes
        case responseText = "response_text"
    }
}
