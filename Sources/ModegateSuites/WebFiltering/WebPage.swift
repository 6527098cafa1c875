import ModegateCore

/// One page of the synthetic web.
struct WebPage: Sendable, Hashable {
    var url: String
    var domain: String
    var title: String
    /// `YYYY-MM-DD`, which sorts as dates do.
    var published: String
    var text: String
    /// The original's URL for a syndicated or AMP copy; the page's own URL otherwise.
    var canonicalURL: String
    var topic: String
    var stance: WebStance
    /// Lower-cased words of title and text, for search and for include/exclude terms.
    var words: Set<String>

    init(url: String, domain: String, title: String, published: String, text: String, canonicalURL: String,
         topic: String, stance: WebStance) {
        self.url = url
        self.domain = domain
        self.title = title
        self.published = published
        self.text = text
        self.canonicalURL = canonicalURL
        self.topic = topic
        self.stance = stance
        words = Set(Self.words(in: title + " " + text))
    }

    var isCopy: Bool { canonicalURL != url }

    /// What `web_search` lists: enough to choose, not the whole text.
    var searchResult: JSONValue {
        ["url": .string(url), "title": .string(title), "domain": .string(domain), "published": .string(published),
         "snippet": .string(String(text.prefix(160)))]
    }

    /// What `fetch_page` returns.
    var document: JSONValue {
        ["url": .string(url), "title": .string(title), "domain": .string(domain), "published": .string(published),
         "text": .string(text), "canonical_url": .string(canonicalURL)]
    }

    /// Runs of letters and digits, lower-cased: the tokenizer of search queries and terms alike.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}

/// How a page stands on its topic's claim; the oracle reads it, a program must read the text.
enum WebStance: String, Sendable, Hashable {
    case supports, refutes, neutral
}
