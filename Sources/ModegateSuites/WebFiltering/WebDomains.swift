/// Where pages live. Syndicated copies go only to the mirror; the rest publish originals.
enum WebDomains {
    static let news = ["citydaily.example", "metrowire.example", "harborgazette.example"]
    static let official = "council.example.gov"
    static let community = ["neighborly.example.com", "localforum.example.net"]
    static let lowQuality = ["clickfarm.example.biz", "rumormill.example.net"]
    static let mirror = "newsmirror.example.com"
    /// Originals are drawn from this list; news outlets appear twice, so they publish the most.
    static let publishers = news + news + [official, official] + community + lowQuality
}
