/// How much of the two runs the judge could pair.
public struct Coverage: Sendable, Hashable, Codable {
    /// Distinct cases with at least one paired trial.
    public var pairedCases: Int
    /// Trials present in both runs under the same key.
    public var pairedTrials: Int
    /// Distinct trials of the candidate.
    public var candidateTrials: Int
    /// Distinct trials of the baseline.
    public var baselineTrials: Int
    /// Trials only the candidate has, left out of paired gates.
    public var candidateOnly: [PairKey]
    /// Trials only the baseline has, left out of paired gates.
    public var baselineOnly: [PairKey]
    /// Trials recorded more than once in a run; the last record of each counts.
    public var duplicateTrials: [PairKey]

    /// Share of all distinct trials that are paired.
    public var ratio: Double {
        let union = candidateTrials + baselineTrials - pairedTrials
        return union > 0 ? Double(pairedTrials) / Double(union) : 0
    }

    enum CodingKeys: String, CodingKey {
        case pairedCases = "paired_cases", pairedTrials = "paired_trials", candidateTrials = "candidate_trials"
        case baselineTrials = "baseline_trials", candidateOnly = "candidate_only", baselineOnly = "baseline_only"
        case duplicateTrials = "duplicate_trials"
    }
}
