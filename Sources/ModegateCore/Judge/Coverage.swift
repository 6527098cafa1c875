/// How much of the two runs the judge could pair.
public struct Coverage: Sendable, Hashable, Codable {
    public var pairedCases: Int
    public var pairedTrials: Int
    public var candidateTrials: Int
    public var baselineTrials: Int
    public var candidateOnly: [PairKey]
    public var baselineOnly: [PairKey]
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
