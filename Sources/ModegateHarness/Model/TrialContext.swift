import ModegateCore
import ModegateSandbox

/// What a trial is about, as a model session may need to know it.
public struct TrialContext: Sendable {
    public var preset: String
    public var testCase: PresetCase
    public var repetition: Int
    public var strategy: Strategy
    /// The arm playing it (baseline, candidate, bench).
    public var arm: ArmRole
    /// The tools of the trial's suite (what the program may call).
    public var tools: [ToolDescriptor]
    /// Where the trial's programs run: a worker leased for the trial, when there is one.
    public var programs: (any ProgramRunner)?

    public init(preset: String, testCase: PresetCase, repetition: Int, strategy: Strategy, arm: ArmRole = .bench,
                tools: [ToolDescriptor], programs: (any ProgramRunner)? = nil) {
        self.arm = arm
        self.programs = programs
        self.preset = preset
        self.testCase = testCase
        self.repetition = repetition
        self.strategy = strategy
        self.tools = tools
    }
}
