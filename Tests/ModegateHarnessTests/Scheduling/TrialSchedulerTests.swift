import Foundation
import ModegateCore
import Synchronization
import Testing
@testable import ModegateHarness

/// The scheduler's batching, order, concurrency and stops (issue 22, point 5), with an
/// in-process player and recorders in memory: no model, no sandbox, and no wall clock — the
/// budget's seconds come from a clock the player moves.
@Suite struct TrialSchedulerTests {
    static func cases(_ count: Int) -> [WorkloadCase] {
        (1...count).map { index in
            let testCase = PresetCase(id: "c\(index)", prompt: "p", answerSchema: ["type": "object"], expected: nil,
                                      scorer: .exact, reference: nil)
            return WorkloadCase(preset: "inventory", suite: InventorySuite(), testCase: testCase, expected: [:])
        }
    }

    static func scheduler(
        cases: Int, repetitions: Int = 1, order: WorkloadPlan.ArmOrder = .sequential, seed: UInt64 = 7,
        concurrency: Int = 1, recorders: [MemoryRecorder]? = nil, budget: BudgetGuard? = nil,
        batching: GateRunner.Batching? = nil, stop: RunStop = RunStop()
    ) -> TrialScheduler {
        let arms = recorders ?? [.baseline, .candidate].map { MemoryRecorder($0, planned: cases * repetitions) }
        return TrialScheduler(
            recorders: arms, cases: Self.cases(cases), repetitions: repetitions, order: order, seed: seed,
            concurrency: concurrency, budget: budget ?? BudgetGuard(plan: .unlimited, uptime: { 0 }),
            progress: SilentProgress(), stop: stop, batching: batching)
    }

    /// Stops after the batch whose index is `after`, and keeps what each review saw.
    final class StopAfter: BatchReview, Sendable {
        let after: Int
        let seen = Mutex<[[ArmRole: Int]]>([])
        init(after: Int) { self.after = after }
        func review(afterBatch index: Int, trials: [ArmRole: [TrialRecord]]) async -> String? {
            seen.withLock { $0.append(trials.mapValues(\.count)) }
            return index == after ? "decided after batch \(index)" : nil
        }
    }

    @Test func sequentialOrderFinishesTheBaselineBeforeTheCandidateStartsAndHoldsTheConcurrency() async throws {
        let player = HeldPlayer(holding: true)
        let scheduler = Self.scheduler(cases: 5, concurrency: 3)
        let run = Task { try await scheduler.play(with: player) }
        #expect(await player.waitUntilHeld(3, started: 3))
        #expect(player.started == ["baseline/c1#0", "baseline/c2#0", "baseline/c3#0"])
        player.releaseOne()
        #expect(await player.waitUntilHeld(3, started: 4))
        player.releaseOne()
        #expect(await player.waitUntilHeld(3, started: 5))
        player.releaseOne()
        // Two baseline trials are left and a worker is free, but the candidate's stage waits.
        #expect(await player.waitUntilHeld(2, started: 5))
        for _ in 0..<1_000 { await Task.yield() }
        #expect(player.started.count == 5)
        player.releaseOne()
        #expect(await player.waitUntilHeld(1, started: 5))
        player.releaseOne()
        #expect(await player.waitUntilHeld(3, started: 8))
        #expect(player.started.suffix(3) == ["candidate/c1#0", "candidate/c2#0", "candidate/c3#0"])
        for (started, held) in [(9, 3), (10, 3), (10, 2), (10, 1)] {
            player.releaseOne()
            #expect(await player.waitUntilHeld(held, started: started))
        }
        player.releaseOne()
        #expect(try await run.value == nil)
        #expect(player.mostRunning == 3)
        let events = player.events
        let lastBaselineEnd = try #require(events.lastIndex { $0.description.hasPrefix("-baseline") })
        let firstCandidateStart = try #require(events.firstIndex { $0.description.hasPrefix("+candidate") })
        #expect(lastBaselineEnd < firstCandidateStart)
        #expect(scheduler.recorders.map(\.trials.count) == [5, 5])
    }

    @Test func interleavedOrderIsDrawnFromTheSeedAndBatchingDoesNotChangeIt() async throws {
        func order(seed: UInt64, batching: GateRunner.Batching?) async throws -> [String] {
            let player = HeldPlayer()
            _ = try await Self.scheduler(cases: 6, repetitions: 2, order: .interleaved, seed: seed, batching: batching)
                .play(with: player)
            return player.started
        }
        let whole = try await order(seed: 7, batching: nil)
        #expect(whole.count == 24)
        // Each case and repetition is played by both arms back to back, in a drawn order.
        for pair in stride(from: 0, to: 24, by: 2) {
            let (first, second) = (whole[pair], whole[pair + 1])
            #expect(first.split(separator: "/")[1] == second.split(separator: "/")[1], "\(first) \(second)")
            #expect(first.split(separator: "/")[0] != second.split(separator: "/")[0])
        }
        let firsts = stride(from: 0, to: 24, by: 2).map { whole[$0].hasPrefix("baseline") }
        #expect(firsts.contains(true) && firsts.contains(false), "\(firsts)")
        let batched = try await order(seed: 7, batching: .init(cases: 4, review: StopAfter(after: 99)))
        #expect(batched == whole)
        #expect(try await order(seed: 7, batching: nil) == whole)
        #expect(try await order(seed: 8, batching: nil) != whole)
    }

    @Test func theBatchReviewStopsTheRunBetweenBatchesAndSeesReusedTrials() async throws {
        let review = StopAfter(after: 1)
        // The baseline is reused: only the candidate plays, and the review sees both arms.
        var scheduler = Self.scheduler(
            cases: 10, recorders: [MemoryRecorder(.candidate, planned: 10)], batching: .init(cases: 3, review: review))
        let reused = Self.cases(10).map {
            HeldPlayer.played(TrialSpec(workloadCase: $0, repetition: 0, arm: MemoryRecorder(.baseline, planned: 10).arm),
                              runID: "earlier", error: nil).record
        }
        scheduler.reusedTrials = [.baseline: reused]
        let player = HeldPlayer()
        let stopped = try await scheduler.play(with: player)
        #expect(stopped == .requested("decided after batch 1"))
        #expect(player.started == (1...6).map { "candidate/c\($0)#0" })
        #expect(review.seen.withLock { $0 } == [[.baseline: 10, .candidate: 3], [.baseline: 10, .candidate: 6]])
        #expect(scheduler.stop.reason == stopped)
    }

    @Test func theBudgetStopsTheNextTrialOnTheInjectedClock() async throws {
        let seconds = Mutex(0.0)
        let budget = BudgetGuard(plan: BudgetPlan(maxSeconds: 10), uptime: { seconds.withLock { $0 } })
        let player = HeldPlayer { _, _ in
            seconds.withLock { $0 += 4 }
            return nil
        }
        let scheduler = Self.scheduler(cases: 5, budget: budget)
        let stopped = try await scheduler.play(with: player)
        #expect(stopped == .budget(.seconds(10)))
        // 0, 4 and 8 s were under the limit when three trials were admitted; 12 s was not.
        #expect(player.started == ["baseline/c1#0", "baseline/c2#0", "baseline/c3#0"])
        #expect(scheduler.recorders.map(\.trials.count) == [3, 0])
    }

    @Test func aTrialTheStoreRefusesStopsTheRunAndIsThrown() async throws {
        let recorders = [MemoryRecorder(.baseline, planned: 6, refusing: 3), MemoryRecorder(.candidate, planned: 6)]
        let scheduler = Self.scheduler(cases: 6, concurrency: 1, recorders: recorders)
        let player = HeldPlayer()
        await #expect(throws: MemoryRecorder.Refused.self) { try await scheduler.play(with: player) }
        #expect(player.started.count == 3)
        #expect(scheduler.stop.reason == .recordingFailed("no space left on device"))
    }

    @Test func afterAServerHaltTrialsThatFailedOnTheServerAreNotKept() async throws {
        let stop = RunStop()
        let player = HeldPlayer { _, number in
            guard number >= 2 else { return nil }
            stop.stop(.serverHalted("MCP server 'files' failed to start 4 times in a row"))
            return TrialError(category: .mcp, message: "MCP server 'files' went away")
        }
        let scheduler = Self.scheduler(cases: 4, concurrency: 1, stop: stop)
        let stopped = try await scheduler.play(with: player)
        #expect(stopped == .serverHalted("MCP server 'files' failed to start 4 times in a row"))
        #expect(player.started.count == 2)
        // The trial cut short by the halt is played again by --resume, not recorded as lost.
        #expect(scheduler.recorders.map(\.trials.count) == [1, 0])
    }

    @Test func ctrlCStopsTheRunAndKeepsNoInterruptedTrial() async throws {
        let player = HeldPlayer(holding: true)
        let scheduler = Self.scheduler(cases: 6, concurrency: 2)
        let run = Task { try await scheduler.play(with: player) }
        #expect(await player.waitUntilHeld(2))
        player.releaseOne()
        #expect(await player.waitUntilHeld(2))
        run.cancel()
        #expect(try await run.value == .interrupted)
        #expect(player.started.count == 3)
        #expect(scheduler.recorders.map(\.trials.count) == [1, 0])
    }

    @Test func aResumedArmPlaysOnlyTheTrialsItHasNot() async throws {
        let arm = MemoryRecorder(.baseline, planned: 4).arm
        let earlier = Self.cases(4).prefix(2).map {
            HeldPlayer.played(TrialSpec(workloadCase: $0, repetition: 0, arm: arm), runID: "run-baseline", error: nil).record
        }
        let recorders = [MemoryRecorder(.baseline, planned: 4, earlier: earlier), MemoryRecorder(.candidate, planned: 4)]
        let player = HeldPlayer()
        #expect(try await Self.scheduler(cases: 4, recorders: recorders).play(with: player) == nil)
        #expect(player.started == ["baseline/c3#0", "baseline/c4#0", "candidate/c1#0", "candidate/c2#0", "candidate/c3#0", "candidate/c4#0"])
        #expect(recorders.map(\.trials.count) == [4, 4])
    }
}
