import ModegateCore

/// The arithmetic of `model.rate_limit` and adaptive concurrency, on plain times (seconds on any
/// clock), so it is tested without waiting: when each request may start, how many may be in
/// flight, and how a 429 and later successes change both.
///
/// Requests are paced, not burst: each takes `60 / requests_per_minute` seconds of the request
/// budget and `tokens × 60 / tokens_per_minute` of the token budget (the generic cell rate
/// algorithm with no burst allowance), so no 60-second window ever holds more than the limit plus
/// one request, and a steady stream runs at the limit. A request reserves what it is estimated
/// to count (its prompt's bytes / 4, scaled by what answers so far counted against their
/// estimates: the server's tokenizer, the request's envelope and the answer); its reported usage
/// settles the difference either way. A 429 pauses every request until its
/// `Retry-After` (or a second) and halves the requests in flight; each run of as many successes
/// as the limit allows raises it by one again.
struct RateSchedule: Sendable {
    let requestInterval: Double?
    let tokenInterval: Double?
    /// When the request and token budgets are next free (virtual times).
    private(set) var nextRequest = 0.0
    private(set) var nextToken = 0.0
    /// No request starts before this (a server's `Retry-After`).
    private(set) var pausedUntil = 0.0
    /// Requests allowed in flight; nil until the first 429 (no cap of its own).
    private(set) var inFlightLimit: Int?
    private var successesSinceChange = 0
    /// Tokens counted per token estimated, learned from usage.
    private(set) var tokenScale = 1.0

    init(_ limit: ModelPlan.RateLimit?) {
        requestInterval = limit?.requestsPerMinute.map { 60 / Double($0) }
        tokenInterval = limit?.tokensPerMinute.map { 60 / Double($0) }
    }

    /// What a request estimated at `estimate` tokens reserves.
    func reservation(for estimate: Int) -> Int { Int((Double(estimate) * tokenScale).rounded(.up)) }

    /// The time a request reserving `tokens` may start, asked at `now`; the budgets are taken.
    mutating func reserve(tokens: Int, at now: Double) -> Double {
        var start = max(now, pausedUntil)
        if requestInterval != nil { start = max(start, nextRequest) }
        if tokenInterval != nil { start = max(start, nextToken) }
        if let requestInterval { nextRequest = start + requestInterval }
        if let tokenInterval { nextToken = start + Double(tokens) * tokenInterval }
        return start
    }

    /// Whether another request may be in flight beside `inFlight` others.
    func admits(inFlight: Int) -> Bool { inFlight < (inFlightLimit ?? .max) }

    /// A request's usage came back: what it reserved and did not use is free again (never
    /// before `now`, so a refund cannot make a burst), what it used beyond is taken; later
    /// reservations follow what requests count.
    mutating func settle(estimate: Int, reserved: Int, used: Int, at now: Double) {
        guard let tokenInterval, estimate > 0, used > 0 else { return }
        if used < reserved {
            nextToken = max(now, nextToken - Double(reserved - used) * tokenInterval)
        } else {
            nextToken = max(nextToken, now) + Double(used - reserved) * tokenInterval
        }
        // A moving average of counted over estimated: answers arrive after later requests were
        // reserved, so the ratio to the estimate (not to the reservation) keeps it stable.
        tokenScale = min(max(0.7 * tokenScale + 0.3 * Double(used) / Double(estimate), 0.05), 50)
    }

    /// The server refused a request for its rate (429), with `inFlight` requests out at the time.
    mutating func refused(retryAfter: Double?, inFlight: Int, at now: Double) {
        pausedUntil = max(pausedUntil, now + min(max(retryAfter ?? 1, 0), 120))
        inFlightLimit = max(1, min(inFlightLimit ?? .max, max(inFlight, 1)) / 2)
        successesSinceChange = 0
    }

    /// A request succeeded: after as many successes in a row as the limit, one more may be in flight.
    mutating func succeeded() {
        guard let limit = inFlightLimit else { return }
        successesSinceChange += 1
        if successesSinceChange >= limit {
            inFlightLimit = limit + 1
            successesSinceChange = 0
        }
    }
}
