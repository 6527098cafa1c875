/// One case of two runs side by side: every repetition of both arms, the mean reward and
/// completion deltas over the paired repetitions, where each pair's trajectories part, and how
/// much each arm's repetitions disagree.
public struct CaseExplanation: Sendable, Codable, Hashable {
    /// The case.
    public var preset: String
    public var caseID: String
    /// Repetitions both arms played.
    public var pairs: Int
    /// Mean candidate − baseline reward over the paired repetitions.
    public var rewardDelta: Double
    /// Mean candidate − baseline completion (1 or 0) over the paired repetitions.
    public var completionDelta: Double
    /// The baseline's trials, by repetition.
    public var baseline: [TrialEvidence]
    /// The candidate's trials, by repetition.
    public var candidate: [TrialEvidence]
    /// Each paired repetition's divergence.
    public var divergences: [TrajectoryDivergence]
    /// How the baseline's repetitions agree.
    public var baselineFlakiness: ArmFlakiness
    /// How the candidate's repetitions agree.
    public var candidateFlakiness: ArmFlakiness

    /// The case from both arms' trials (each sorted by repetition).
    public init(preset: String, caseID: String, baseline: [TrialEvidence], candidate: [TrialEvidence]) {
        self.preset = preset
        self.caseID = caseID
        self.baseline = baseline
        self.candidate = candidate
        let byRepetition = Dictionary(baseline.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        var divergences: [TrajectoryDivergence] = []
        var reward = 0.0
        var completion = 0.0
        for trial in candidate {
            guard let partner = byRepetition[trial.repetition] else { continue }
            divergences.append(TrajectoryDivergence(baseline: partner, candidate: trial))
            reward += trial.reward - partner.reward
            completion += (trial.completed ? 1 : 0) - (partner.completed ? 1 : 0)
        }
        self.divergences = divergences
        pairs = divergences.count
        rewardDelta = pairs == 0 ? 0 : reward / Double(pairs)
        completionDelta = pairs == 0 ? 0 : completion / Double(pairs)
        baselineFlakiness = ArmFlakiness(baseline)
        candidateFlakiness = ArmFlakiness(candidate)
    }

    /// `preset/case`.
    public var name: String { "\(preset)/\(caseID)" }

    /// The candidate lost reward or completions on this case.
    public var isLoss: Bool { rewardDelta < -Judge.tolerance || completionDelta < -Judge.tolerance }
    /// The candidate gained reward or completions and lost neither.
    public var isGain: Bool { !isLoss && (rewardDelta > Judge.tolerance || completionDelta > Judge.tolerance) }
    /// Either arm's repetitions disagree.
    public var isFlaky: Bool { baselineFlakiness.isFlaky || candidateFlakiness.isFlaky }

    enum CodingKeys: String, CodingKey {
        case preset, pairs, baseline, candidate, divergences
        case caseID = "case_id", rewardDelta = "reward_delta", completionDelta = "completion_delta"
        case baselineFlakiness = "baseline_flakiness", candidateFlakiness = "candidate_flakiness"
    }
}
