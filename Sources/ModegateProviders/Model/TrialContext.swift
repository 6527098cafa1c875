import ModegateCore

/// What a trial is about, as a model session may need to know it.
public struct TrialContext: Sendable {
    /// The preset the case comes from.
    public var preset: String
    /// The case: prompt, answer schema, and the reference program the scripted model plays.
    public var testCase: PresetCase
    /// 0-based repetition index.
    public var repetition: Int
    /// How the arm uses tools.
    public var strategy: Strategy
    /// The arm playing it (baseline, candidate, bench).
    public var arm: ArmRole
    /// The tools of the trial's suite (what the model may call, directly or from a program).
    public var tools: [ToolDescriptor]

    /// A context as given; the arm defaults to bench.
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
