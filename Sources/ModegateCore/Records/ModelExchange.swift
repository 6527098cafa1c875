import Foundation

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
    /// True when `error` is that no answer came within `model.timeout_seconds` (a replay then
    /// records the same `timeout` error); absent otherwise.
    public var timedOut: Bool?

    /// An exchange as given; a model with no wire sets just the request, the answer and the time.
    public init(turn: Int = 0, endpoint: String? = nil, request: JSONValue, response: JSONValue? = nil,
                responseText: String? = nil, status: Int? = nil, attempts: Int = 1, seconds: Double = 0,
                error: String? = nil, notes: [String]? = nil, timedOut: Bool? = nil) {
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
        self.timedOut = timedOut
    }

    enum CodingKeys: String, CodingKey {
        case turn, endpoint, request, response, status, attempts, seconds, error, notes
        case responseText = "response_text"
        case timedOut = "timed_out"
    }
}
