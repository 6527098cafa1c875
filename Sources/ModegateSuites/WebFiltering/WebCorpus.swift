import ModegateCore

/// The synthetic web of one seed: for every topic, original pages on publishers' domains, plus
/// AMP copies and syndicated mirror copies that repeat an original's text (the duplicates a
/// careful agent must fold together). Pages carry their ground truth (topic, stance, canonical
/// URL) for the oracle; programs see only URLs, titles, dates and text.
struct WebCorpus: Sendable {
    /// Originals per topic at most: enough for a 100 × 50 sweep (`WebFilteringSweepCase`).
    static let maxPagesPerTopic = 10_000

    let pages: [WebPage]
    let byURL: [String: WebPage]

    init(seed: Int, pagesPerTopic: Int) {
        var pages: [WebPage] = []
        for (index, topic) in WebTopic.all.enumerated() {
            var generator = SeededGenerator.stream(seed, UInt64(index + 1))
            for number in 1...pagesPerTopic {
                let original = Self.original(topic, number: number, &generator)
                pages.append(original)
                if generator.chance(0.15) { pages.append(Self.ampCopy(of: original)) }
                if generator.chance(0.25) { pages.append(Self.mirrorCopy(of: original, number: number, &generator)) }
            }
        }
        self.pages = pages
        byURL = Dictionary(pages.map { ($0.url, $0) }, uniquingKeysWith: { first, _ in first })
    }

    func pages(about topic: String) -> [WebPage] { pages.filter { $0.topic == topic } }

    private static let angles = [
        "what we know", "the latest", "residents react", "officials respond", "an explainer", "the details",
        "a closer look", "a timeline",
    ]
    /// Sentences free of every topic's words and of the marker words (confirmed, denied, opinion,
    /// sponsored), so filler never changes what a page is about or how it stands.
    private static let fillers = [
        "Residents were asked to share feedback at the next public meeting.",
        "A spokesperson said more information would follow next week.",
        "Several neighbours described the news as overdue.",
        "The announcement came after months of discussion.",
        "Local business owners are watching closely.",
        "Budget documents were published online the same day.",
        "Critics said the process lacked transparency.",
        "A community group plans to hold a forum on the matter.",
    ]

    private static func original(_ topic: WebTopic, number: Int, _ generator: inout SeededGenerator) -> WebPage {
        let domain = generator.pick(WebDomains.publishers)
        let angle = generator.pick(angles)
        let date = WebDate.date(dayOfYear: generator.int(in: 1...366))
        let roll = generator.unit()
        let stance: WebStance = roll < topic.supportRate ? .supports
            : roll < topic.supportRate + topic.refuteRate ? .refutes : .neutral
        var sentences: [String] = []
        if generator.chance(0.15) { sentences.append("Opinion.") }
        if generator.chance(0.1) { sentences.append("Sponsored content.") }
        sentences.append("\(topic.title): \(angle), as reported by \(domain).")
        switch stance {
        case .supports: sentences.append("Officials confirmed that \(topic.claim).")
        case .refutes: sentences.append("Officials denied that \(topic.claim).")
        case .neutral: sentences.append("It is still unclear whether \(topic.claim).")
        }
        var pool = fillers
        generator.shuffle(&pool)
        sentences += pool.prefix(generator.int(in: 1...3))
        let url = "https://\(domain)/\(date.prefix(4))/\(date.dropFirst(5).prefix(2))/\(topic.slug)-\(number)"
        return WebPage(
            url: url, domain: domain, title: "\(topic.title): \(angle)", published: date,
            text: sentences.joined(separator: " "), canonicalURL: url, topic: topic.key, stance: stance)
    }

    private static func ampCopy(of original: WebPage) -> WebPage {
        let url = original.url.replacingOccurrences(of: "https://\(original.domain)/", with: "https://\(original.domain)/amp/")
        return WebPage(
            url: url, domain: original.domain, title: original.title, published: original.published,
            text: original.text, canonicalURL: original.url, topic: original.topic, stance: original.stance)
    }

    private static func mirrorCopy(of original: WebPage, number: Int, _ generator: inout SeededGenerator) -> WebPage {
        let topic = WebTopic.named(original.topic)!
        let published = WebDate.adding(days: generator.int(in: 0...3), to: original.published)
        return WebPage(
            url: "https://\(WebDomains.mirror)/syndicated/\(topic.slug)-\(number)", domain: WebDomains.mirror,
            title: original.title, published: published,
            text: original.text + " Originally published at \(original.url).", canonicalURL: original.url,
            topic: original.topic, stance: original.stance)
    }
}
