import Foundation
import ModegateCore
import ModegateHarness
import ModegateMCP
import ModegateSandbox

/// The one composition root of the commands that play a gate (`run`, `bench`, `sweep`, `plan`,
/// `serve codemode`): from the workspace and the invocation (`InvocationOptions.setup`) it builds
/// the planner, the sandbox and the runner, the same way for each, so a collaborator is added or
/// swapped in one place.
struct GateSetup {
    let workspace: Workspace
    let invocation: GateInvocation
    let planner: WorkloadPlanner
    let sandbox: Sandbox

    /// The gate as the invocation plays it.
    var plan: GatePlan { invocation.plan }

    /// `gate` is the file the invocation's plan came from, if any, for finding presets beside
    /// it. `warmWorkers` sandbox workers are kept ready (about one per concurrent trial, at most four).
    init(workspace: Workspace, invocation: GateInvocation, gate: String?, warmWorkers: Int) {
        self.workspace = workspace
        self.invocation = invocation
        self.planner = workspace.planner(forGate: gate)
        self.sandbox = Sandbox(configuration: .init(warmWorkers: max(1, min(warmWorkers, 4))))
    }

    /// The runner of this gate, writing to the workspace's store with its clock.
    var runner: GateRunner { runner(store: workspace.store) }

    /// The runner of this gate writing to `store` (a sweep keeps its runs in a store of its own).
    func runner(store: RunStore) -> GateRunner {
        GateRunner(
            invocation: invocation, store: store, planner: planner, sandbox: sandbox, toolVersion: Modegate.version,
            clock: { [workspace] in workspace.now }, environment: workspace.environment)
    }

    /// The gate's MCP servers, for a command that reaches them without a runner (`serve codemode`).
    func servers() -> MCPServerPool { MCPServerPool(plan: plan.mcp, environment: workspace.environment) }

    /// Stops the sandbox's workers.
    func shutdown() async { await sandbox.shutdown() }

    /// Runs `body`, then stops the sandbox's workers on whatever path it leaves by (a result, an
    /// error, an exit code, a signal's cancellation).
    func closing<T>(_ body: () async throws -> T) async throws -> T {
        let value: T
        do {
            value = try await body()
        } catch {
            await shutdown()
            throw error
        }
        await shutdown()
        return value
    }
}
