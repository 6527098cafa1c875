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

    /// Keeps every pool it makes.
    final class KeptPools: ServerPoolFactory, @unchecked Sendable {
        let pools = Mutex<[MCPServerPool]>([])
        func pool(_ plan: MCPPlan, variables: [String: String]) -> MCPServerPool {
            let pool = MCPServerPool(plan: plan, environment: variables)
            pools.withLock { $0.append(pool) }
            return pool
        }
        func allClosed() async -> Bool {
            for pool in pools.withLock({ $0 }) where await !pool.isClosed { return false }
            return true
        }
    }

    static func runner(_ scratch: HarnessScratch, _ plan: GatePlan, _ settings: GateInvocation.Settings = .init(),
                       models: any ModelFactory, pools: KeptPools) -> GateRunner {
        let base = scratch.runner(plan, settings)
        let environment = RunEnvironment(
            store: base.store, planner: base.planner, sandbox: base.sandbox, toolVersion: "test", clock: Date.init,
            variables: [:], models: models, servers: pools)
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
}
