import ModegateCore

/// A deterministic synthetic web: six local-news topics covered by news outlets, the city
/// council, community sites and content farms, with AMP and syndicated duplicates. Params:
/// `seed`, `pages_per_topic` (12), the task (`task`, `topic` and its knobs), and optional
/// `search_budget` / `fetch_budget`, after which calls fail.
public struct WebFilteringSuite: Suite {
    /// The suite; each case's data comes from its params.
    public init() {}

    /// `dynamic_web_filtering`, as presets name it.
    public let name = "dynamic_web_filtering"
    /// One line for listings.
    public let summary = "Search and read a synthetic local-news web: domain scoping, claims, dates, duplicates."

    private static let cache = GeneratedDataCache<WebCorpus>()

    static func corpus(_ params: JSONValue) -> WebCorpus {
        let values = SuiteParams(params)
        let seed = values.int("seed", default: 1, in: 0...Int(Int32.max))
        let pagesPerTopic = values.int("pages_per_topic", default: 12, in: 1...WebCorpus.maxPagesPerTopic)
        return cache.value(for: "\(seed)/\(pagesPerTopic)") { WebCorpus(seed: seed, pagesPerTopic: pagesPerTopic) }
    }

    /// `web_search` and `fetch_page`.
    public var tools: [ToolDescriptor] { Self.descriptors }

    static let descriptors = [
        ToolDescriptor(
            name: "web_search",
            description: "Searches the web. Returns {results: [{url, title, domain, published, snippet}], total_matches}: "
                + "pages containing every word of the query, newest first (ties by URL). `domains` keeps only pages on "
                + "those exact domains; `after`/`before` keep pages published on or after / on or before a date.",
            inputSchema: InputSchema.object(
                ["query": InputSchema.string("Words that must all appear in the page."),
                 "max_results": InputSchema.integer("How many results to return (default 10).", minimum: 1, maximum: 50),
                 "domains": InputSchema.stringList("Only pages on these domains, e.g. citydaily.example."),
                 "after": InputSchema.date("Only pages published on or after this date (YYYY-MM-DD)."),
                 "before": InputSchema.date("Only pages published on or before this date (YYYY-MM-DD).")],
                required: ["query"]),
            outputSchema: OutputSchema.object([
                "results": OutputSchema.array(of: OutputSchema.object([
                    "url": OutputSchema.string, "title": OutputSchema.string, "domain": OutputSchema.string,
                    "published": OutputSchema.date, "snippet": OutputSchema.string,
                ])),
                "total_matches": OutputSchema.integer,
            ])),
        ToolDescriptor(
            name: "fetch_page",
            description: "Fetches a page: {url, title, domain, published, text, canonical_url}. canonical_url names the "
                + "original when the page is a copy (AMP or syndicated), else the page itself.",
            inputSchema: InputSchema.object(["url": InputSchema.string("The page's URL.")], required: ["url"]),
            outputSchema: OutputSchema.object([
                "url": OutputSchema.string, "title": OutputSchema.string, "domain": OutputSchema.string,
                "published": OutputSchema.date, "text": OutputSchema.string, "canonical_url": OutputSchema.string,
            ])),
    ]

    /// A session over the corpus of `params`, with its search and fetch budgets.
    public func makeSession(params: JSONValue) -> any ToolSession {
        let values = SuiteParams(params)
        return WebFilteringSession(
            corpus: Self.corpus(params),
            budget: CallBudget(searches: values.values["search_budget"]?.intValue,
                               fetches: values.values["fetch_budget"]?.intValue))
    }

    /// The task's expected answer, computed on the same corpus; nil for params that name no task.
    public func oracle(params: JSONValue) -> JSONValue? {
        WebFilteringTask(params: params)?.expected(in: Self.corpus(params))
    }
}
