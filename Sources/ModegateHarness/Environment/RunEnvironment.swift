import Foundation
import ModegateCore
import ModegateMCP
import ModegateSandbox

/// What a run works with, handed to every stage that needs it instead of the runner: the store
/// runs are written to, the planner that loads presets, the sandbox, the variables stdio servers
/// inherit and keys are read from, the clock of runs' start and end, and the seams where tests put
/// fakes — the model factory, the MCP server pools and the budget's monotonic clock.
public struct RunEnvironment: Sendable {
    /// Where runs are written and found.
    public let store: RunStore
    /// Loads presets and binds their suites.
    public let planner: WorkloadPlanner
    /// Where programs run.
    public let sandbox: Sandbox
    /// modegate's version, for manifests.
    public let toolVersion: String
    /// The time runs start and end (fixed in tests).
    public let clock: @Sendable () -> Date
    /// Seconds on a monotonic clock, for the budget's `max_seconds` and trials' `latency.total` (moved by tests).
    let uptime: @Sendable () -> Double
    /// Inherited by stdio MCP servers; read for `headers_env` and API keys.
    public let variables: [String: String]
    /// Makes the run's model.
    let models: any ModelFactory
    /// Makes the run's MCP server pool.
    let servers: any ServerPoolFactory

    /// The environment of a real run: live models and real MCP servers.
    public init(store: RunStore, planner: WorkloadPlanner, sandbox: Sandbox, toolVersion: String,
                clock: @escaping @Sendable () -> Date = Date.init,
                variables: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(store: store, planner: planner, sandbox: sandbox, toolVersion: toolVersion, clock: clock, variables: variables,
                  models: ProviderModels(), servers: ProcessServerPools(), uptime: BudgetGuard.systemUptime)
    }

    /// Any collaborators (tests give fakes).
    init(store: RunStore, planner: WorkloadPlanner, sandbox: Sandbox, toolVersion: String, clock: @escaping @Sendable () -> Date,
         variables: [String: String], models: any ModelFactory, servers: any ServerPoolFactory,
         uptime: @escaping @Sendable () -> Double = BudgetGuard.systemUptime) {
        self.store = store
        self.planner = planner
        self.sandbox = sandbox
        self.toolVersion = toolVersion
        self.clock = clock
        self.variables = variables
        self.models = models
        self.servers = servers
        self.uptime = uptime
    }
}
