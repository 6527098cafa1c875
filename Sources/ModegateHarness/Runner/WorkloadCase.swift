import ModegateCore

/// One case of the workload, resolved: its preset and suite, and the answer it is scored against.
public struct WorkloadCase: Sendable {
    /// The preset the case comes from.
    public var preset: String
    /// The tools the case is played with.
    public var suite: any Suite
    /// The case as the preset states it.
    public var testCase: PresetCase
    /// The answer it is scored against: stated, or the suite's oracle's.
    public var expected: JSONValue
    /// The suite's state a `state` scorer compares with, when the case is scored on state.
    public var expectedState: JSONValue?
    /// Tools only the harness calls (setup and checker tools of the preset's cases), hidden
    /// from both arms and refused if called.
    public var harnessTools: Set<String> = []

    /// Whether the arms are offered the suite's tool `name` in this case: not one of the
    /// harness's, and listed in the case's `tools:` when it has one.
    public func offers(_ name: String) -> Bool {
        !harnessTools.contains(name) && (testCase.tools?.contains(name) ?? true)
    }

    /// The case's identity across arms and repetitions.
    public var caseKey: CaseKey { CaseKey(preset: preset, caseID: testCase.id) }
}
