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
    /// Paired trials left out of the paired gates because either arm's trial is an
    /// infrastructure error (provider, MCP, sandbox, timeout, budget, cancelled): those count
    /// toward `max_error_rate`, never as a strategy's loss or gain. Counted in `pairedTrials`.
    public var infrastructurePairs: [PairKey] = []

    /// Coverage as counted; `infrastructurePairs` is empty unless given.
    public init(
        pairedCases: Int, pairedTrials: Int, candidateTrials: Int, baselineTrials: Int, candidateOnly: [PairKey],
        baselineOnly: [PairKey], duplicateTrials: [PairKey], infrastructurePairs: [PairKey] = []
    ) {
        self.pairedCases = pairedCases
        self.pairedTrials = pairedTrials
        self.candidateTrials = candidateTrials
        self.baselineTrials = baselineTrials
        self.candidateOnly = candidateOnly
        self.baselineOnly = baselineOnly
        self.duplicateTrials = duplicateTrials
        self.infrastructurePairs = infrastructurePairs
    }

    /// Reads a coverage; `infrastructure_pairs` is absent in verdicts written before it existed.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pairedCases = try container.decode(Int.self, forKey: .pairedCases)
        pairedTrials = try container.decode(Int.self, forKey: .pairedTrials)
        candidateTrials = try container.decode(Int.self, forKey: .candidateTrials)
        baselineTrials = try container.decode(Int.self, forKey: .baselineTrials)
        candidateOnly = try container.decode([PairKey].self, forKey: .candidateOnly)
        baselineOnly = try container.decode([PairKey].self, forKey: .baselineOnly)
        duplicateTrials = try container.decode([PairKey].self, forKey: .duplicateTrials)
        infrastructurePairs = try container.decodeIfPresent([PairKey].self, forKey: .infrastructurePairs) ?? []
    }

    /// Share of all distinct trials that are paired.
    public var ratio: Double {
        let union = candidateTrials + baselineTrials - pairedTrials
        return union > 0 ? Double(pairedTrials) / Double(union) : 0
    }

    enum CodingKeys: String, CodingKey {
        case pairedCases = "paired_cases", pairedTrials = "paired_trials", candidateTrials = "candidate_trials"
        case baselineTrials = "baseline_trials", candidateOnly = "candidate_only", baselineOnly = "baseline_only"
        case duplicateTrials = "duplicate_trials", infrastructurePairs = "infrastructure_pairs"
    }
}
