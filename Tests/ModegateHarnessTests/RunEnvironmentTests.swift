import Foundation
import ModegateCore
import ModegateMCP
import ModegateProviders
import ModegateSandbox
import Synchronization
import Testing
@testable import ModegateHarness

/// The run's collaborators come in through `RunEnvironment` (issue 22, point 4): with fakes at
/// its seams a test sees how often the model is made, and that the MCP servers are closed on
/// every path out of a run — played, failed before the first trial, failed at set-up.
@Suite struct RunEnvironmentTests {
    /// Counts the models it makes, and fails every one with `failure` when given.
    final class CountingModels: ModelFactory, @unchecked Sendable {
        let made = Mutex(0)
        let failure: String?
        init(failing failure: String? = nil) { self.failure = failure }

        func model(_ plan: ModelPlan, cassette: [URL]?, candidateLimits: ArmPlan.Limits, sandbox: Sandbox,
                   variables: [String: String]) throws -> ModelSelection {
            made.withLock { $0 += 1 }
            if let failure { throw ProviderSetupError(failure) }
            return try ProviderModels().model(plan, cassette: cassette, candidateLimits: candidateLimits, sandbox: sandbox, variables: variables)
        }

        func scripted(candidateLimits: ArmPlan.Limits, sandbox: Sandbox) -> ModelSelection {
            made.withLock { $0 += 1 }
            return ProviderModels().scripted(candidateLimits: candidateLimits, sandbox: sandbox)
        }
    }

    /// Keeps every pool it makes; with `stopping`, each pool's run is stopped for that reason
    /// from the start, as the MCP layer stops it when a server cannot be started again.
    final class KeptPools: ServerPoolFactory, @unchecked Sendable {
        let pools = Mutex<[MCPServerPool]>([])
        let stopping: StopReason?
        init(stopping: StopReason? = nil) { self.stopping = stopping }

        func pool(_ plan: MCPPlan, variables: [String: String]) -> MCPServerPool {
            let stop = RunStop()
            if let stopping { stop.stop(stopping) }
            let pool = MCPServerPool(plan: plan, environment: variables, stop: stop)
            pools.withLock { $0.append(pool) }
            return pool
        }
        func allClosed() async -> Bool {
            for pool in pools.withLock({ $0 }) where await !pool.isClosed { return false }
            return true
        }
    }

    static func runner(_ scratch: HarnessScratch, _ plan: GatePlan, _ settings: GateInvocation.Settings = .init(),
                       models: any ModelFactory, pools: KeptPools,
                       uptime: @escaping @Sendable () -> Double = BudgetGuard.systemUptime) -> GateRunner {
        let base = scratch.runner(plan, settings)
        let environment = RunEnvironment(
            store: base.store, planner: base.planner, sandbox: base.sandbox, toolVersion: "test", clock: Date.init,
            variables: [:], models: models, servers: pools, uptime: uptime)
        return GateRunner(invocation: base.invocation, environment: environment)
    }

    @Test func aRunMakesOneModelAndClosesItsServers() async throws {
        let scratch = try HarnessScratch(cases: 2)
        let (models, pools) = (CountingModels(), KeptPools())
        let outcome = try await Self.runner(scratch, try scratch.gate(repetitions: 1), models: models, pools: pools).run()
        #expect(outcome.verdict.status == .pass)
        #expect(models.made.withLock { $0 } == 1)
        #expect(pools.pools.withLock { $0.count } == 1)
        #expect(await pools.allClosed())
    }

    @Test func aModelThatCannotBeSetUpStoresNoRun() async throws {
        let scratch = try HarnessScratch(cases: 2)
        let (models, pools) = (CountingModels(failing: "OPENAI_API_KEY is not set"), KeptPools())
        await #expect(throws: ProviderSetupError.self) {
            _ = try await Self.runner(scratch, try scratch.gate(repetitions: 1), models: models, pools: pools).run()
        }
        #expect(scratch.store.catalog().entries.isEmpty)
    }

    @Test func serversAreClosedWhenARunFailsAtSetUp() async throws {
        let scratch = try HarnessScratch(cases: 2)
        let pools = KeptPools()
        // Resuming a run that does not exist fails once the servers are open, before any trial.
        await #expect(throws: StoreError.self) {
            _ = try await Self.runner(
                scratch, try scratch.gate(repetitions: 1), .init(resume: "20990101-000000-deadbeef"), models: CountingModels(),
                pools: pools).run()
        }
        #expect(pools.pools.withLock { $0.count } == 1)
        #expect(await pools.allClosed())
    }

    /// Every reason to stop goes through the run's one `RunStop`: a halt set by the MCP layer
    /// keeps every trial from starting, finishes both runs as cancelled with the reason, and is
    /// exit 4's `serverHalted`.
    @Test func aStopFromTheMCPLayerStartsNoTrial() async throws {
        let scratch = try HarnessScratch(cases: 2)
        let halted = "MCP server 'x' failed to start 3 times in a row"
        let pools = KeptPools(stopping: .serverHalted(halted))
        await #expect {
            _ = try await Self.runner(scratch, try scratch.gate(repetitions: 1), models: CountingModels(), pools: pools).run()
        } throws: { error in
            guard case .serverHalted(let reason, _)? = error as? HarnessError else { return false }
            return reason == halted
        }
        let entries = scratch.store.catalog().entries
        #expect(entries.count == 2)
        for entry in entries {
            let run = try scratch.store.open(entry)
            #expect(run.trials.isEmpty && run.cancelled, "\(run.id)")
            #expect(run.cancelReason == halted, "\(run.cancelReason ?? "")")
        }
        #expect(await pools.allClosed())
    }

    /// The budget's `max_seconds` on the environment's clock, which here moves a minute each time
    /// it is read: the guard starts, the first trial is admitted (60 s), its first model request
    /// is not (120 s ≥ 100 s), and no other trial starts. No second passes in the test.
    @Test func aBudgetOfSecondsTripsOnTheEnvironmentsClock() async throws {
        let scratch = try HarnessScratch(cases: 2)
        let ticks = Mutex(0.0)
        let runner = Self.runner(
            scratch, try scratch.gate("budget: {max_seconds: 100}", repetitions: 1), .init(concurrency: 1),
            models: CountingModels(), pools: KeptPools(), uptime: { ticks.withLock { $0 += 60; return $0 } })
        let outcome = try await runner.run()
        #expect(outcome.stoppedEarly == .budget(.seconds(100)))
        #expect(outcome.baseline.trials.count <= 1 && outcome.candidate.trials.isEmpty,
                "\(outcome.baseline.trials.count) and \(outcome.candidate.trials.count)")
        #expect(outcome.baseline.cancelReason == "budget max_seconds (100.0) exhausted", "\(outcome.baseline.cancelReason ?? "")")
        #expect(outcome.verdict.status == .error)
    }

    /// A trial's `latency.total` is read from the environment's monotonic clock, not the wall's:
    /// on a clock that stands still every trial took exactly no time.
    @Test func trialLatencyIsMeasuredOnTheEnvironmentsClock() async throws {
        let scratch = try HarnessScratch(cases: 2)
        let runner = Self.runner(scratch, try scratch.gate(repetitions: 1), models: CountingModels(), pools: KeptPools(),
                                 uptime: { 1_000 })
        let outcome = try await runner.run()
        let trials = outcome.baseline.trials + outcome.candidate.trials
        #expect(trials.count == 4)
        #expect(trials.allSatisfy { $0.latency == 0 }, "\(trials.map(\.latency))")
    }
}
