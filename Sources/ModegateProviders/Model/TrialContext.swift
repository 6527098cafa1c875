import ModegateCore

/// What a trial is about, as a model session may need to know it.
public struct TrialContext: Sendable {
    public var preset: String
    public var testCase: PresetCase
    public var repetition: Int
    public var strategy: Strategy
    /// The arm playing it (baseline, candidate, bench).
    public var arm: ArmRole
    /// The tools of the trial's suite (what the model may call, directly or from a program).
    public var tools: [ToolDescriptor]

    public init(preset: String, testCase: PresetCase, repetition: Int, strategy: Strategy, arm: ArmRole = .bench,
                tools: [ToolDescriptor]) {
        self.arm = arm
        self.preset = preset
        self.testCase = testCase
        self.repetition = repetition
        self.strategy = strategy
        self.tools = tools
    }
}
