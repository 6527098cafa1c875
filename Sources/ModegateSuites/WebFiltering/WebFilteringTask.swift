import ModegateCore

/// What a case asks of the web corpus, from its params, and the oracle's answer computed from
/// the pages' ground truth (topic, stance, canonical URL), never by searching.
struct WebFilteringTask: Sendable {
    enum Kind: String, Sendable {
        /// Pages about the topic on the allowed domains only.
        case allowDomains = "allow_domains"
        /// Pages about the topic except those on blocked domains.
        case blockDomains = "block_domains"
        /// A verdict on the topic's claim from pages that contain every include term and no
        /// exclude term, citing every such page that takes a stance.
        case claimCheck = "claim_check"
        /// The `n` newest pages about the topic (ties by URL), usually under a search budget.
        case newest
        /// Pages about the topic published within [after, before].
        case dateWindow = "date_window"
        /// Each distinct story about the topic once, by canonical URL.
        case dedup
        /// The newest page about the topic on the council's official domain.
        case officialLatest = "official_latest"
    }

    var kind: Kind
    var topic: String
    var params: SuiteParams

    init?(params: JSONValue) {
        let values = SuiteParams(params)
        guard let kind = values.string("task").flatMap(Kind.init(rawValue:)),
            let topic = values.string("topic"), WebTopic.named(topic) != nil
        else { return nil }
        self.kind = kind
        self.topic = topic
        self.params = values
    }

    func expected(in corpus: WebCorpus) -> JSONValue {
        let pages = corpus.pages(about: topic)
        switch kind {
        case .allowDomains:
            let allowed = Set(params.strings("domains"))
            return Self.urls(pages.filter { allowed.contains($0.domain) }.map(\.url))
        case .blockDomains:
            let blocked = Set(params.strings("blocked"))
            return Self.urls(pages.filter { !blocked.contains($0.domain) }.map(\.url))
        case .claimCheck:
            return claimVerdict(pages)
        case .newest:
            let count = params.int("n", default: 3, in: 1...50)
            return Self.urls(Self.newestFirst(pages).prefix(count).map(\.url))
        case .dateWindow:
            let after = params.string("after") ?? "2024-01-01"
            let before = params.string("before") ?? "2024-12-31"
            return Self.urls(pages.filter { $0.published >= after && $0.published <= before }.map(\.url))
        case .dedup:
            return Self.urls(Array(Set(pages.map(\.canonicalURL))))
        case .officialLatest:
            guard let page = Self.newestFirst(pages.filter { $0.domain == WebDomains.official }).first else {
                return ["url": nil, "published": nil]
            }
            return ["url": .string(page.url), "published": .string(page.published)]
        }
    }

    private func claimVerdict(_ topicPages: [WebPage]) -> JSONValue {
        let pages = readInWindows(topicPages)
        let include = params.strings("include").map { $0.lowercased() }
        let exclude = params.strings("exclude").map { $0.lowercased() }
        let evidence = pages.filter { page in
            include.allSatisfy(page.words.contains) && !exclude.contains(where: page.words.contains)
                && page.stance != .neutral
        }
        let supports = evidence.filter { $0.stance == .supports }.count
        let refutes = evidence.count - supports
        let verdict = supports > refutes ? "supported" : refutes > supports ? "refuted"
            : evidence.isEmpty ? "unverified" : "contested"
        return ["verdict": .string(verdict), "urls": Self.urls(evidence.map(\.url))["urls"]!]
    }

    /// With `windows: S, per_window: C` (a sweep's claim check), only the pages read: the `C`
    /// newest of each of the year's `S` date windows, as `web_search` with that window's dates and
    /// `max_results: C` returns them. Without them, every page.
    private func readInWindows(_ pages: [WebPage]) -> [WebPage] {
        guard params.values["windows"] != nil else { return pages }
        let perWindow = params.int("per_window", default: 50, in: 1...50)
        return WebDate.windows(params.int("windows", default: 1, in: 1...366)).flatMap { window in
            Self.newestFirst(pages.filter { $0.published >= window.after && $0.published <= window.before }).prefix(perWindow)
        }
    }

    /// Newest first; a day's pages by URL, so "the n newest" is always well defined.
    static func newestFirst(_ pages: [WebPage]) -> [WebPage] {
        pages.sorted { lhs, rhs in lhs.published != rhs.published ? lhs.published > rhs.published : lhs.url < rhs.url }
    }

    /// `{"urls": [...]}`, sorted, as every URL-list answer is stated.
    static func urls(_ urls: [String]) -> JSONValue {
        ["urls": .array(urls.sorted().map(JSONValue.string))]
    }
}
