import Foundation

/// One preset's share of a run (`presets.NAME` of `summary.json`), over its attempted
/// trials.
public struct PresetBreakdown: Sendable, Codable, Hashable {
    /// Trials of the preset that were played (attempted, where the run's `total_cases` is planned).
    public var totalCases: Int
    /// Of those, trials that completed.
    public var completedCases: Int
    /// Mean reward of those trials.
    public var avgReward: Double
    /// Mean steps of those trials.
    public var avgSteps: Double

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases"
        case avgReward = "avg_reward", avgSteps = "avg_steps"
    }
}
