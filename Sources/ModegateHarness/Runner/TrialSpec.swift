import ModegateCore

/// One trial to play: a case, a repetition, an arm.
struct TrialSpec: Sendable {
    var workloadCase: WorkloadCase
    var repetition: Int
    var arm: ArmSettings

    var key: PairKey { PairKey(preset: workloadCase.preset, caseID: workloadCase.testCase.id, repetition: repetition) }
}
