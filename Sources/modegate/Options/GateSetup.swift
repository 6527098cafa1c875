import Foundation
import ModegateCore
import ModegateHarness
import ModegateMCP
import ModegateSandbox

/// The one composition root of the commands that play a gate (`run`, `bench`, `serve codemode`):
/// from the workspace and a gate plan it builds the planner, the sandbox and the runner, the same
/// way for each, so a collaborator is added or swapped in one place.
struct GateSetup {
    let workspace: Workspace
    let plan: GatePlan
    let planner: WorkloadPlanner
    let sandbox: Sandbox

    /// A plan already loaded (and perhaps adjusted by the command's flags); `gate` is the file it
    /// came from, if any, for finding presets beside it. `warmWorkers` sandbox workers are kept
    /// ready (about one per concurrent trial, at most four).
    init(workspace: Workspace, plan: GatePlan, gate: String?, warmWorkers: Int) {
        self.workspace = workspace
        self.plan = plan
        self.planner = workspace.planner(forGate: gate)
        self.sandbox = Sandbox(configuration: .init(warmWorkers: max(1, min(warmWorkers, 4))))
    }

    /// The gate file at `gate`, loaded with its SHA-256 for the runs' manifests. Throws
    /// `DiagnosticsError` for a gate that does not load (exit 3).
    static func loading(_ gate: String, workspace: Workspace, warmWorkers: (GatePlan) -> Int) throws -> GateSetup {
        let plan = try GateLoader.load(path: gate, sha256: SHA256.hex)
        return GateSetup(workspace: workspace, plan: plan, gate: gate, warmWorkers: warmWorkers(plan))
    }

    /// The runner of this gate, writing to the workspace's store with its clock.
    var runner: GateRunner { runner(store: workspace.store) }

    /// The runner of this gate writing to `store` (a sweep keeps its runs in a store of its own).
    func runner(store: RunStore) -> GateRunner {
        GateRunner(
            plan: plan, store: store, planner: planner, sandbox: sandbox, toolVersion: Modegate.version,
            clock: { [workspace] in workspace.now }, environment: workspace.environment)
    }

    /// The gate's MCP servers, for a command that reaches them without a runner (`serve codemode`).
    func servers() -> MCPServerPool { MCPServerPool(plan: plan.mcp, environment: workspace.environment) }

    /// Stops the sandbox's workers.
    func shutdown() async { await sandbox.shutdown() }
}
