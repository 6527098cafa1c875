import ModegateCore

/// The web case of one sweep shape: a claim check that reads `S × C` pages — `S` searches, one
/// per date window of the year, each keeping its `C` newest pages about the heat pump rebate,
/// every one of them fetched. Shards become date windows and candidates the pages read from each,
/// so the fan-out is the number of `fetch_page` calls, as in triage. The corpus grows with the
/// shape (`pages_per_topic = 2·S·C`, about 2.8·C pages per window) so windows rarely run short;
/// when one does, the case reads what there is, and oracle and reference agree on it.
struct WebFilteringSweepCase {
    let shape: SweepShape
    let seed: Int

    static let topic = "rebate"
    static let query = "heat pump rebate"
    static let exclude = ["opinion", "sponsored"]

    var windows: [(after: String, before: String)] { WebDate.windows(shape.shards) }

    func presetCase(id: String) -> PresetCase {
        PresetCase(
            id: id, prompt: prompt, answerSchema: answerSchema, expected: nil, scorer: .fields(tolerance: 0),
            params: ["seed": .number(Double(seed)), "task": "claim_check", "topic": .string(Self.topic),
                     "include": [], "exclude": .array(Self.exclude.map(JSONValue.string)),
                     "windows": .number(Double(shape.shards)), "per_window": .number(Double(shape.candidates)),
                     "pages_per_topic": .number(Double(2 * shape.fanOut))],
            reference: reference)
    }

    var prompt: String {
        let ranges = windows.map { "\($0.after) to \($0.before)" }.joined(separator: ", ")
        let pages = shape.candidates == 1 ? "the newest page" : "the \(shape.candidates) newest pages"
        return """
            Verify the claim "the city council approved the heat pump rebate" from coverage spread over
            2024. For each of these \(shape.shards) date window\(shape.shards == 1 ? "" : "s") (inclusive): \(ranges), search for pages
            containing the words "\(Self.query)" published in that window with
            web_search({query, after, before, max_results: \(shape.candidates)}) and read \(pages) it returns
            with fetch_page({url}). Ignore pages containing the word "opinion" or the word "sponsored"
            (whole words, any case). A page supports the claim when it says officials confirmed it and
            refutes it when it says officials denied it; other pages take no stance. The verdict is
            "supported" if more pages support than refute, "refuted" if more refute, "contested" on a
            tie, "unverified" if none take a stance.
            Answer with JSON: {"verdict": VERDICT, "urls": [EVERY PAGE READ THAT TAKES A STANCE]}, URLs
            sorted ascending.

            """
    }

    var answerSchema: JSONValue {
        ["type": "object",
         "properties": ["verdict": ["type": "string", "enum": ["supported", "refuted", "contested", "unverified"]],
                        "urls": ["type": "array", "items": ["type": "string"]]],
         "required": ["verdict", "urls"],
         "additionalProperties": false]
    }

    var reference: String {
        let list = windows.map { "[\"\($0.after)\", \"\($0.before)\"]" }.joined(separator: ", ")
        return """
            const WINDOWS = [\(list)];
            const PER_WINDOW = \(shape.candidates);
            const exclude = ["opinion", "sponsored"];
            const searches = await Promise.all(WINDOWS.map(([after, before]) =>
              tools.web_search({query: "\(Self.query)", after, before, max_results: PER_WINDOW})));
            const pages = await Promise.all(
              searches.flatMap((s) => s.results).map((hit) => tools.fetch_page({url: hit.url})));
            let supports = 0;
            let refutes = 0;
            const urls = [];
            for (const page of pages) {
              const words = new Set((page.title + " " + page.text).toLowerCase().split(/[^a-z0-9]+/));
              if (exclude.some((w) => words.has(w))) continue;
              if (page.text.includes("confirmed that")) supports += 1;
              else if (page.text.includes("denied that")) refutes += 1;
              else continue;
              urls.push(page.url);
            }
            const verdict = supports > refutes ? "supported" : refutes > supports ? "refuted"
              : urls.length === 0 ? "unverified" : "contested";
            return {verdict, urls: urls.sort()};

            """
    }
}
