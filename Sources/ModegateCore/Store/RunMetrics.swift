/// The run-level numbers point mode compares, read as the run recorded them (RLM Code parity:
/// never recomputed from case results).
public struct RunMetrics: Sendable, Hashable, Codable {
    /// Cases in the run.
    public var totalCases: Int
    /// Cases the run completed.
    public var completedCases: Int
    /// Cases the run attempted.
    public var attemptedCases: Int
    /// Mean reward over cases.
    public var avgReward: Double
    /// Mean steps per case.
    public var avgSteps: Double

    /// Figures as the run recorded them.
    public init(totalCases: Int, completedCases: Int, attemptedCases: Int, avgReward: Double, avgSteps: Double) {
        self.totalCases = totalCases
        self.completedCases = completedCases
        self.attemptedCases = attemptedCases
        self.avgReward = avgReward
        self.avgSteps = avgSteps
    }

    /// `completed_cases / total_cases`, 0 when there are no cases (RLM Code's rule).
    public var completionRate: Double { totalCases > 0 ? Double(completedCases) / Double(totalCases) : 0 }

    enum CodingKeys: String, CodingKey {
        case totalCases = "total_cases", completedCases = "completed_cases", attemptedCases = "attempted_cases"
        case avgReward = "avg_reward", avgSteps = "avg_steps"
    }
}
