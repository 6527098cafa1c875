/// How much one arm's repetitions of a case disagree with each other: a case whose repetitions
/// split is noise the verdict averages over, and a loss on it may be luck rather than the strategy.
public struct ArmFlakiness: Sendable, Codable, Hashable {
    /// Repetitions played.
    public var repetitions: Int
    /// Of those, completed.
    public var completed: Int
    /// Lowest and highest reward.
    public var minReward: Double
    public var maxReward: Double
    /// Share of the repetitions' pairs (i < j) whose completion or reward differ: 0 when all
    /// agree, 1 when no two do.
    public var disagreement: Double

    /// The figures of an arm's trials of one case.
    public init(_ trials: [TrialEvidence]) {
        repetitions = trials.count
        completed = trials.filter(\.completed).count
        minReward = trials.map(\.reward).min() ?? 0
        maxReward = trials.map(\.reward).max() ?? 0
        var pairs = 0
        var differing = 0
        for i in trials.indices {
            for j in trials.indices where j > i {
                pairs += 1
                let same = trials[i].completed == trials[j].completed
                    && abs(trials[i].reward - trials[j].reward) <= Judge.tolerance
                differing += same ? 0 : 1
            }
        }
        disagreement = pairs == 0 ? 0 : Double(differing) / Double(pairs)
    }

    /// True when any two repetitions disagree.
    public var isFlaky: Bool { disagreement > 0 }

    enum CodingKeys: String, CodingKey {
        case repetitions, completed, disagreement
        case minReward = "min_reward", maxReward = "max_reward"
    }
}
