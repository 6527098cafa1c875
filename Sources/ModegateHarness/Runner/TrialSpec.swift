import ModegateCore
import ModegateSandbox

/// One case of the workload, resolved: its preset and suite, and the answer it is scored against.
public struct WorkloadCase: Sendable {
    public var preset: String
    public var suite: any Suite
    public var testCase: PresetCase
    public var expected: JSONValue
    public var expectedState: JSONValue?

    public var caseKey: CaseKey { CaseKey(preset: preset, caseID: testCase.id) }
}

/// One trial to play: a case, a repetition, an arm.
struct TrialSpec: Sendable {
    var workloadCase: WorkloadCase
    var repetition: Int
    var arm: ArmSettings

    var key: PairKey { PairKey(preset: workloadCase.preset, caseID: workloadCase.testCase.id, repetition: repetition) }
}

/// One arm of the gate, as the harness plays it.
public struct ArmSettings: Sendable {
    public var name: String
    public var strategy: Strategy
    public var maxSteps: Int
    public var discovery: Bool
    public var limits: SandboxLimits
    /// With `runtime: mcp`: the external Code Mode server and its tool names by role.
    public var externalRuntime: (server: String, roles: ArmPlan.Roles)?

    public init(name: String, strategy: Strategy, maxSteps: Int, discovery: Bool, limits: SandboxLimits,
                externalRuntime: (server: String, roles: ArmPlan.Roles)? = nil) {
        self.externalRuntime = externalRuntime
        self.name = name
        self.strategy = strategy
        self.maxSteps = maxSteps
        self.discovery = discovery
        self.limits = limits
    }
}
