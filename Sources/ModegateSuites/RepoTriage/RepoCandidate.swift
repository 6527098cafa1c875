import ModegateCore

/// One pull request waiting to merge, as `fetch_candidate` returns it.
struct RepoCandidate: Sendable, Hashable {
    var id: String
    var shard: Int
    var title: String
    var draft: Bool
    var authorIsBot: Bool
    /// In [0, 1], three decimals, so its JSON text round-trips exactly into a program's doubles.
    var relevance: Double
    var approvals: Int
    var ciPassing: Bool
    var reactions: Int
    var ageDays: Int
    var changedFiles: Int
    /// Opaque filler that gives each record the Code Mode Probe's size (256 bytes by default).
    var payload: String

    /// Drafts and bot-authored pull requests are never merge-ready.
    var isEligible: Bool { !draft && !authorIsBot }

    /// The Code Mode Probe's merge-readiness score. The terms are added left to right in this
    /// order, as the prompt writes them, so a program computing the same expression in JavaScript
    /// gets bit-identical doubles and the same tie-breaks.
    var mergeScore: Double {
        0.35 * relevance
            + 0.20 * Double(min(approvals, 4)) / 4
            + 0.20 * (ciPassing ? 1 : 0)
            + 0.10 * Double(min(reactions, 50)) / 50
            + 0.10 * max(0, 1 - Double(ageDays) / 60)
            + 0.05 * max(0, 1 - Double(changedFiles) / 100)
    }

    var json: JSONValue {
        [
            "id": .string(id), "shard": .number(Double(shard)), "title": .string(title), "draft": .bool(draft),
            "author_is_bot": .bool(authorIsBot), "relevance": .number(relevance),
            "approvals": .number(Double(approvals)), "ci_passing": .bool(ciPassing),
            "reactions": .number(Double(reactions)), "age_days": .number(Double(ageDays)),
            "changed_files": .number(Double(changedFiles)), "payload": .string(payload),
        ]
    }
}
