import Foundation
import ModegateCore

/// Every request to one model, both arms', through one `RateSchedule`: it waits for a place in
/// flight and for its start time, then holds its place until its answer.
actor RateGovernor {
    private var schedule: RateSchedule
    private let clock: ContinuousClock
    private let origin: ContinuousClock.Instant
    private var inFlight = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    /// Requests the server refused for its rate, for the run's log.
    private(set) var refusals = 0

    init(limit: ModelPlan.RateLimit?, clock: ContinuousClock = ContinuousClock()) {
        schedule = RateSchedule(limit)
        self.clock = clock
        origin = clock.now
    }

    private var now: Double {
        let elapsed = origin.duration(to: clock.now)
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Waits until a request estimated at `estimate` tokens may be sent; the tokens it reserved
    /// (for `settle`). Cancellation ends the wait.
    func acquire(estimate: Int) async throws -> Int {
        while !schedule.admits(inFlight: inFlight) {
            await withCheckedContinuation { waiting.append($0) }
            try Task.checkCancellation()
        }
        inFlight += 1
        let tokens = schedule.reservation(for: estimate)
        // A 429 met while this one slept moves its start: ask again after each wait.
        var start = schedule.reserve(tokens: tokens, at: now)
        while start > now {
            do {
                try await clock.sleep(for: .seconds(start - now))
            } catch {
                release()
                throw error
            }
            if schedule.pausedUntil > now { start = schedule.pausedUntil }
        }
        return tokens
    }

    /// The request's answer came (or none did): its place in flight is free.
    func finish(status: Int?, retryAfter: Double?) {
        if status == 429 {
            refusals += 1
            schedule.refused(retryAfter: retryAfter, inFlight: inFlight, at: now)
        } else if let status, (200..<300).contains(status) {
            schedule.succeeded()
        }
        release()
    }

    /// The answer's usage against what it was estimated at and reserved.
    func settle(estimate: Int, reserved: Int, used: Int) {
        schedule.settle(estimate: estimate, reserved: reserved, used: used, at: now)
    }

    private func release() {
        inFlight -= 1
        // Wake them all: each checks the limit again, which may have grown or shrunk.
        let woken = waiting
        waiting = []
        for continuation in woken { continuation.resume() }
    }
}
