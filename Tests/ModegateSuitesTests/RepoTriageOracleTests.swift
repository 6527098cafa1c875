import ModegateCore
@testable import ModegateSuites
import Testing

/// The triage oracle against rankings worked out by hand.
@Suite struct RepoTriageOracleTests {
    static func candidate(_ id: String, draft: Bool = false, bot: Bool = false, relevance: Double, approvals: Int,
                          ci: Bool, reactions: Int, age: Int, files: Int) -> RepoCandidate {
        RepoCandidate(id: id, shard: 0, title: "t", draft: draft, authorIsBot: bot, relevance: relevance,
                      approvals: approvals, ciPassing: ci, reactions: reactions, ageDays: age, changedFiles: files,
                      payload: "")
    }

    @Test func scoreMatchesTheFormulaByHand() {
        // 0.35·0.8 + 0.20·2/4 + 0.20·1 + 0.10·25/50 + 0.10·(1 − 30/60) + 0.05·(1 − 50/100)
        // = 0.28 + 0.1 + 0.2 + 0.05 + 0.05 + 0.025 = 0.705
        let sample = Self.candidate("x", relevance: 0.8, approvals: 2, ci: true, reactions: 25, age: 30, files: 50)
        #expect(abs(sample.mergeScore - 0.705) < 1e-12)
        // Caps and floors: approvals over 4, reactions over 50, old and huge pull requests.
        // = 0.35·0.5 + 0.20 + 0 + 0.10 + 0 + 0 = 0.475
        let capped = Self.candidate("y", relevance: 0.5, approvals: 9, ci: false, reactions: 400, age: 90, files: 300)
        #expect(abs(capped.mergeScore - 0.475) < 1e-12)
    }

    @Test func draftsAndBotsAreExcludedAndTiesGoToTheSmallerID() {
        let strong = (relevance: 0.9, approvals: 4, ci: true, reactions: 50, age: 0, files: 0)
        let tied = (relevance: 0.5, approvals: 2, ci: true, reactions: 10, age: 30, files: 20)
        let candidates = [
            Self.candidate("s00-c009", draft: true, relevance: strong.relevance, approvals: strong.approvals, ci: strong.ci,
                           reactions: strong.reactions, age: strong.age, files: strong.files),
            Self.candidate("s00-c008", bot: true, relevance: strong.relevance, approvals: strong.approvals, ci: strong.ci,
                           reactions: strong.reactions, age: strong.age, files: strong.files),
            Self.candidate("s01-c007", relevance: tied.relevance, approvals: tied.approvals, ci: tied.ci,
                           reactions: tied.reactions, age: tied.age, files: tied.files),
            Self.candidate("s00-c004", relevance: tied.relevance, approvals: tied.approvals, ci: tied.ci,
                           reactions: tied.reactions, age: tied.age, files: tied.files),
            Self.candidate("s02-c001", relevance: 0.2, approvals: 0, ci: false, reactions: 0, age: 59, files: 99),
        ]
        #expect(RepoTriageRanking.top(candidates, k: 5) == ["s00-c004", "s01-c007", "s02-c001"])
        #expect(RepoTriageRanking.top(candidates, k: 1) == ["s00-c004"])
    }

    /// A generated 1×4 shape, pinned field by field (so a change to the generator, which would
    /// silently change every expected answer, fails here) and ranked by hand.
    @Test func tinyGeneratedShapeRanksAsWorkedOut() throws {
        let params: JSONValue = ["shards": 1, "candidates_per_shard": 4, "k": 2, "seed": 1, "payload_bytes": 8]
        let data = RepoTriageSuite.data(params)
        let rows = data.candidates.map { c in
            "\(c.id) \(c.draft) \(c.authorIsBot) \(c.relevance) \(c.approvals) \(c.ciPassing) \(c.reactions) \(c.ageDays) \(c.changedFiles) \(c.payload)"
        }
        #expect(rows == [
            "s00-c000 true false 0.833 4 true 72 13 155 iz4rrrnt",
            "s00-c001 false false 0.841 5 true 33 49 34 motlhof0",
            "s00-c002 false true 0.704 6 false 17 110 121 il5dfjdm",
            "s00-c003 false false 0.119 5 true 2 68 131 win6qsix",
        ])
        // c000 is a draft and c002 bot-authored: out, however well they score.
        // c001 = 0.35·0.841 + 0.20 + 0.20 + 0.10·33/50 + 0.10·(1 − 49/60) + 0.05·(1 − 34/100) = 0.811683…
        // c003 = 0.35·0.119 + 0.20 + 0.20 + 0.10·2/50 + 0 + 0 = 0.44565
        #expect(abs(data.candidates[1].mergeScore - 0.8116833333) < 1e-9)
        #expect(abs(data.candidates[3].mergeScore - 0.44565) < 1e-12)
        #expect(RepoTriageSuite().oracle(params: params) == ["ranked": ["s00-c001", "s00-c003"]])
    }

    @Test func fanOutShapeHasAThousandCandidatesWithPayloads() {
        let data = RepoTriageSuite.data(["shards": 20, "candidates_per_shard": 50, "k": 5, "seed": 1])
        #expect(data.candidates.count == 1000)
        #expect(Set(data.candidates.map(\.id)).count == 1000)
        #expect(data.candidates.allSatisfy { $0.payload.utf8.count == 256 })
        #expect(data.shardIDs.map(\.count) == Array(repeating: 50, count: 20))
    }
}
