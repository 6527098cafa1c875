import ModegateCore
@testable import ModegateProviders
import Testing

/// `model.rate_limit`'s pacing and the adaptive limit on requests in flight, on plain times.
@Suite struct RateScheduleTests {
    @Test func requestsArePacedSoNoMinuteHoldsMoreThanTheLimit() {
        var schedule = RateSchedule(.init(requestsPerMinute: 120))
        // Forty requests asked for at once start half a second apart.
        let starts = (0..<40).map { _ in schedule.reserve(tokens: 0, at: 0) }
        #expect(starts == (0..<40).map { Double($0) * 0.5 })
        // A steady stream over three minutes: no 60-second window holds more than 120 + 1.
        var steady = RateSchedule(.init(requestsPerMinute: 120))
        let stream = (0..<360).map { steady.reserve(tokens: 0, at: Double($0) * 0.1) }
        for start in stream {
            #expect(stream.filter { $0 >= start && $0 < start + 60 }.count <= 121)
        }
        #expect(stream.last! <= 180, "the stream keeps up with the limit: 360 requests in 3 minutes")
    }

    @Test func tokensAreReservedAndWhatWentUnusedIsGivenBack() {
        var schedule = RateSchedule(.init(tokensPerMinute: 40_000))
        #expect(schedule.reserve(tokens: 2_000, at: 0) == 0)
        // 2,000 tokens are 3 s of a 40,000-a-minute budget.
        #expect(schedule.reserve(tokens: 2_000, at: 0) == 3)
        // The second used only 1,000 of its 2,000: 1.5 s come back, never before now.
        schedule.settle(estimate: 2_000, reserved: 2_000, used: 1_000, at: 3.2)
        #expect(schedule.reserve(tokens: 1_000, at: 3.2) == 4.5)
        schedule.settle(estimate: 1_000, reserved: 1_000, used: 100, at: 10)
        #expect(schedule.reserve(tokens: 1_000, at: 10) == 10)
        // Usage beyond the reservation is taken: 1,000 more tokens are 1.5 s more.
        schedule.settle(estimate: 1_000, reserved: 1_000, used: 2_000, at: 10)
        #expect(schedule.reserve(tokens: 0, at: 10) == 13)
        // Reservations follow what requests count against their estimates, even when the answers
        // come back for reservations made before anything was learned (sixteen in flight).
        var learning = RateSchedule(.init(tokensPerMinute: 40_000))
        #expect(learning.reservation(for: 100) == 100)
        var outstanding = (0..<16).map { _ in learning.reservation(for: 100) }
        for _ in 0..<60 {
            learning.settle(estimate: 100, reserved: outstanding.removeFirst(), used: 300, at: 0)
            outstanding.append(learning.reservation(for: 100))
            #expect(learning.reservation(for: 100) <= 300, "never runs away: \(learning.reservation(for: 100))")
        }
        #expect((299...301).contains(learning.reservation(for: 100)), "\(learning.reservation(for: 100))")
        // Both limits: a request waits for the later of the two.
        var both = RateSchedule(.init(requestsPerMinute: 60, tokensPerMinute: 600_000))
        #expect(both.reserve(tokens: 100, at: 0) == 0 && both.reserve(tokens: 100, at: 0) == 1)
    }

    @Test func a429PausesEveryRequestAndHalvesTheRequestsInFlightUntilSuccessesRaiseItAgain() {
        var schedule = RateSchedule(.init(requestsPerMinute: 6_000))
        #expect(schedule.admits(inFlight: 1_000), "no cap of its own before a refusal")
        schedule.refused(retryAfter: 2, inFlight: 8, at: 10)
        #expect(schedule.inFlightLimit == 4 && !schedule.admits(inFlight: 4) && schedule.admits(inFlight: 3))
        #expect(schedule.reserve(tokens: 0, at: 10.5) == 12, "nothing starts before Retry-After")
        for _ in 0..<4 { schedule.succeeded() }
        #expect(schedule.inFlightLimit == 5)
        schedule.refused(retryAfter: nil, inFlight: 5, at: 20)
        #expect(schedule.inFlightLimit == 2 && schedule.pausedUntil == 21, "no Retry-After: a second")
        schedule.refused(retryAfter: 0, inFlight: 1, at: 30)
        #expect(schedule.inFlightLimit == 1, "never below one")
        var unlimited = RateSchedule(nil)
        #expect(unlimited.reserve(tokens: 10_000, at: 5) == 5)
    }
}
