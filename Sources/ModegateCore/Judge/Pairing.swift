/// Trials of two runs matched by (preset, case id, repetition), with what did not match.
public struct Pairing: Sendable {
    /// One trial of each run under the same key.
    public struct Pair: Sendable, Hashable {
        /// The candidate's trial.
        public var candidate: TrialOutcome
        /// The baseline's trial.
        public var baseline: TrialOutcome

        /// A pair as given (simulations and benchmarks build their own).
        public init(candidate: TrialOutcome, baseline: TrialOutcome) {
            self.candidate = candidate
            self.baseline = baseline
        }
    }

    /// Paired trials in key order, both arms free of infrastructure errors: what the paired gates judge.
    public var pairs: [Pair]
    /// How much of each run found a partner.
    public var coverage: Coverage

    /// Pairs `candidate` with `baseline` by key; a key repeated within a run keeps its last record.
    public init(candidate: [TrialOutcome], baseline: [TrialOutcome]) {
        var baselineIndex: [PairKey: Int] = [:]
        baselineIndex.reserveCapacity(baseline.count)
        var duplicates = Set<PairKey>()
        for (index, trial) in baseline.enumerated() {
            // A later record of the same trial wins, as in RLM Code (and after a resume).
            if baselineIndex.updateValue(index, forKey: trial.key) != nil { duplicates.insert(trial.key) }
        }
        var candidateIndex: [PairKey: Int] = [:]
        candidateIndex.reserveCapacity(candidate.count)
        for (index, trial) in candidate.enumerated() {
            if candidateIndex.updateValue(index, forKey: trial.key) != nil { duplicates.insert(trial.key) }
        }
        var pairs: [Pair] = []
        pairs.reserveCapacity(min(candidateIndex.count, baselineIndex.count))
        var candidateOnly: [PairKey] = []
        var infrastructure: [PairKey] = []
        var cases = Set<CaseKey>()
        for (key, index) in candidateIndex {
            guard let match = baselineIndex[key] else {
                candidateOnly.append(key)
                continue
            }
            cases.insert(key.caseKey)
            // A failed service says nothing about either strategy: the pair is the error rate's.
            if candidate[index].infrastructureError || baseline[match].infrastructureError {
                infrastructure.append(key)
            } else {
                pairs.append(Pair(candidate: candidate[index], baseline: baseline[match]))
            }
        }
        pairs.sort { $0.candidate.key < $1.candidate.key }
        let baselineOnly = baselineIndex.keys.filter { candidateIndex[$0] == nil }
        self.pairs = pairs
        self.coverage = Coverage(
            pairedCases: cases.count, pairedTrials: pairs.count + infrastructure.count, candidateTrials: candidateIndex.count,
            baselineTrials: baselineIndex.count, candidateOnly: candidateOnly.sorted(),
            baselineOnly: baselineOnly.sorted(), duplicateTrials: duplicates.sorted(), infrastructurePairs: infrastructure.sorted())
    }

    /// Trials where the baseline completed and the candidate did not.
    public var completionRegressions: [PairKey] {
        pairs.filter { $0.baseline.completed && !$0.candidate.completed }.map(\.candidate.key)
    }

    /// Trials where the candidate completed and the baseline did not.
    public var completionGains: [PairKey] {
        pairs.filter { !$0.baseline.completed && $0.candidate.completed }.map(\.candidate.key)
    }

    /// Trials where the candidate's reward is lower than the baseline's.
    public var rewardRegressions: [PairKey] {
        pairs.filter { $0.candidate.reward < $0.baseline.reward - Judge.tolerance }.map(\.candidate.key)
    }
}
