import ModegateCore

/// Every candidate of one shape, generated once from the seed, with each tool's replies rendered
/// ahead of time: a `fetch_candidate` call is then a dictionary look-up, which is what keeps a
/// tool-call trial at 5×5 well under a millisecond.
struct RepoTriageData: Sendable {
    let shape: RepoTriageShape
    let candidates: [RepoCandidate]
    /// Candidate ids per shard, in index order.
    let shardIDs: [[String]]
    let records: [String: JSONValue]
    let recordReplies: [String: ToolReply]
    let shardReplies: [ToolReply]

    init(shape: RepoTriageShape) {
        self.shape = shape
        var candidates: [RepoCandidate] = []
        var shardIDs: [[String]] = []
        for shard in 0..<shape.shards {
            // One stream per shard: shard 3 has the same pull requests whatever the shard count.
            var generator = SeededGenerator.stream(shape.seed, UInt64(shard + 1))
            var ids: [String] = []
            for index in 0..<shape.candidatesPerShard {
                let candidate = Self.candidate(shard: shard, index: index, payloadBytes: shape.payloadBytes, &generator)
                candidates.append(candidate)
                ids.append(candidate.id)
            }
            shardIDs.append(ids)
        }
        self.candidates = candidates
        self.shardIDs = shardIDs
        var records: [String: JSONValue] = [:]
        var replies: [String: ToolReply] = [:]
        for candidate in candidates {
            let record = candidate.json
            records[candidate.id] = record
            replies[candidate.id] = .value(record)
        }
        self.records = records
        recordReplies = replies
        shardReplies = shardIDs.enumerated().map { shard, ids in
            .value(["shard": .number(Double(shard)), "ids": .array(ids.map(JSONValue.string))])
        }
    }

    private static let verbs = ["Fix", "Add", "Refactor", "Speed up", "Document", "Remove", "Harden", "Migrate"]
    private static let subjects = [
        "retry backoff", "payment webhooks", "search indexing", "login throttling", "CSV export", "cache eviction",
        "flaky integration test", "dark mode", "audit log", "rate limiter", "build scripts", "locale fallback",
    ]
    private static let places = ["in the API gateway", "for mobile clients", "in billing", "in the worker pool",
                                 "for admins", "in the CLI"]
    private static let payloadAlphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789".unicodeScalars)

    private static func candidate(shard: Int, index: Int, payloadBytes: Int, _ generator: inout SeededGenerator)
        -> RepoCandidate
    {
        let title = "\(generator.pick(verbs)) \(generator.pick(subjects)) \(generator.pick(places))"
        var payload = String.UnicodeScalarView()
        for _ in 0..<payloadBytes { payload.append(generator.pick(payloadAlphabet)) }
        return RepoCandidate(
            id: RepoTriageShape.candidateID(shard: shard, index: index), shard: shard, title: title,
            draft: generator.chance(0.15), authorIsBot: generator.chance(0.12),
            relevance: Double(generator.int(in: 0...1000)) / 1000, approvals: generator.int(in: 0...6),
            ciPassing: generator.chance(0.7), reactions: generator.int(in: 0...80), ageDays: generator.int(in: 0...120),
            changedFiles: generator.int(in: 1...180), payload: String(payload))
    }
}
