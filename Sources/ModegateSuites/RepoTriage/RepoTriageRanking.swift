/// The triage oracle: which candidates are merge-ready, best first.
enum RepoTriageRanking {
    /// Drafts and bot-authored candidates out; the rest by merge score, descending, ties by id
    /// ascending; the first `k` ids.
    static func top(_ candidates: [RepoCandidate], k: Int) -> [String] {
        let ranked = candidates.filter(\.isEligible)
            .map { (id: $0.id, score: $0.mergeScore) }
            .sorted { lhs, rhs in lhs.score != rhs.score ? lhs.score > rhs.score : lhs.id < rhs.id }
        return ranked.prefix(k).map(\.id)
    }
}
