import ModegateCore

/// Rank merge-ready pull requests across shards of a merge queue, in the shapes of the Code Mode
/// Probe's orchestration matrix. Params: `shards`, `candidates_per_shard`, `k`, `seed`, and
/// `payload_bytes` (256 by default, the Probe's record size).
public struct RepoTriageSuite: Suite {
    /// The suite; each case's queue comes from its params.
    public init() {}

    /// `repo_triage`, as presets name it.
    public let name = "repo_triage"
    /// One line for listings.
    public let summary = "Rank merge-ready pull requests across merge-queue shards (search_shard, fetch_candidate, fetch_candidates)."

    private static let cache = GeneratedDataCache<RepoTriageData>()

    static func data(_ params: JSONValue) -> RepoTriageData {
        cache.value(for: SuiteParams.key(params)) { RepoTriageData(shape: RepoTriageShape(params: params)) }
    }

    /// `search_shard`, `fetch_candidate` and `fetch_candidates`.
    public var tools: [ToolDescriptor] { Self.descriptors }

    static let descriptors = [
        ToolDescriptor(
            name: "search_shard",
            description: "Lists the ids of the open pull requests in one merge-queue shard as {shard, ids}. "
                + "Shards are numbered from 0. With `query`, only pull requests whose title contains it (any case).",
            inputSchema: InputSchema.object(
                ["shard": InputSchema.integer("Shard number, from 0.", minimum: 0),
                 "query": InputSchema.string("Optional text the title must contain.")],
                required: ["shard"]),
            outputSchema: OutputSchema.object(["shard": OutputSchema.integer, "ids": OutputSchema.array(of: OutputSchema.string)])),
        ToolDescriptor(
            name: "fetch_candidate",
            description: "Returns one pull request: {id, shard, title, draft, author_is_bot, relevance (0..1), approvals, "
                + "ci_passing, reactions, age_days, changed_files, payload}.",
            inputSchema: InputSchema.object(["id": InputSchema.string("Pull request id, e.g. s00-c003.")], required: ["id"]),
            outputSchema: candidate),
        ToolDescriptor(
            name: "fetch_candidates",
            description: "Returns several pull requests at once as {candidates: [...]}, in the order asked, each as "
                + "fetch_candidate returns it. Fails if any id is unknown.",
            inputSchema: InputSchema.object(["ids": InputSchema.stringList("Pull request ids.")], required: ["ids"]),
            outputSchema: OutputSchema.object(["candidates": OutputSchema.array(of: candidate)])),
    ]

    /// One pull request, as fetch_candidate returns it.
    static let candidate = OutputSchema.object([
        "id": OutputSchema.string, "shard": OutputSchema.integer, "title": OutputSchema.string, "draft": OutputSchema.boolean,
        "author_is_bot": OutputSchema.boolean, "relevance": OutputSchema.number, "approvals": OutputSchema.integer,
        "ci_passing": OutputSchema.boolean, "reactions": OutputSchema.integer, "age_days": OutputSchema.integer,
        "changed_files": OutputSchema.integer, "payload": OutputSchema.string,
    ])

    /// A session over the merge queue `params` describe.
    public func makeSession(params: JSONValue) -> any ToolSession {
        RepoTriageSession(data: Self.data(params))
    }

    /// `{"ranked": [top k ids]}`.
    public func oracle(params: JSONValue) -> JSONValue? {
        let data = Self.data(params)
        return ["ranked": .array(RepoTriageRanking.top(data.candidates, k: data.shape.k).map(JSONValue.string))]
    }
}
