import ModegateCore

/// The web tools over a shared corpus; only the call budget is per session.
struct WebFilteringSession: ToolSession {
    let corpus: WebCorpus
    let budget: CallBudget

    var tools: [ToolDescriptor] { WebFilteringSuite.descriptors }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        switch name {
        case "web_search": SessionReplies.reply { try search(arguments) }
        case "fetch_page": SessionReplies.reply { try fetch(arguments) }
        default: SessionReplies.unknownTool(name, in: tools)
        }
    }

    func finalState() async -> JSONValue? { nil }

    private func search(_ arguments: JSONValue) throws -> JSONValue {
        let args = try ToolArguments(
            arguments, tool: "web_search", allowed: ["query", "max_results", "domains", "after", "before"])
        let words = WebPage.words(in: try args.string("query"))
        guard !words.isEmpty else { throw ToolFailure("web_search: the query has no words") }
        let limit = try args.optionalInt("max_results") ?? 10
        guard (1...50).contains(limit) else { throw ToolFailure("web_search: max_results must be between 1 and 50") }
        let domains = try args.optionalStringList("domains").map(Set.init)
        let after = try args.optionalString("after")
        let before = try args.optionalString("before")
        for date in [after, before].compactMap({ $0 }) where !Self.isDate(date) {
            throw ToolFailure("web_search: '\(date)' is not a date (YYYY-MM-DD)")
        }
        try budget.spendSearch()
        let matches = corpus.pages.filter { page in
            words.allSatisfy(page.words.contains)
                && (domains?.contains(page.domain) ?? true)
                && after.map { page.published >= $0 } ?? true
                && before.map { page.published <= $0 } ?? true
        }
        let results = WebFilteringTask.newestFirst(matches).prefix(limit).map(\.searchResult)
        return ["results": .array(Array(results)), "total_matches": .number(Double(matches.count))]
    }

    private func fetch(_ arguments: JSONValue) throws -> JSONValue {
        let url = try ToolArguments(arguments, tool: "fetch_page", allowed: ["url"]).string("url")
        try budget.spendFetch()
        guard let page = corpus.byURL[url] else { throw ToolFailure("fetch_page: 404 not found: \(url)") }
        return page.document
    }

    private static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 3 && parts.map(\.count) == [4, 2, 2] && parts.allSatisfy { $0.allSatisfy(\.isNumber) }
    }
}
