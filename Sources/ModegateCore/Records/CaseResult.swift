import Foundation

/// One entry of `case_results`: RLM Code's four fields plus where the trial sits in the workload.
public struct CaseResult: Sendable, Codable, Hashable {
    /// The case's id within its preset.
    public var caseID: String
    /// The case's preset.
    public var preset: String
    /// 0-based repetition index.
    public var repetition: Int
    /// The trial completed.
    public var completed: Bool
    /// The trial's reward, in [0, 1].
    public var totalReward: Double
    /// Model requests the trial made.
    public var steps: Int

    /// An entry as given.
    public init(caseID: String, preset: String, repetition: Int, completed: Bool, totalReward: Double, steps: Int) {
        self.caseID = caseID
        self.preset = preset
        self.repetition = repetition
        self.completed = completed
        self.totalReward = totalReward
        self.steps = steps
    }

    enum CodingKeys: String, CodingKey {
        case caseID = "case_id", preset, repetition, completed, totalReward = "total_reward", steps
    }
}
