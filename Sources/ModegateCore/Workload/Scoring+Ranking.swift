import Foundation

extension Scoring {
    /// NDCG@k of the ranking in `answer[field]`.
    ///
    /// Relevance comes from `expected[field]`: a list is a ranking, whose item at 0-based rank r
    /// (r < k) has gain k − r (graded: the true first place is worth most); an object maps items
    /// (canonical JSON text of the item, or the string itself) to explicit gains, e.g. all 1 for
    /// binary relevance. DCG sums gain / log2(position + 2) over the answer's first k distinct
    /// items; IDCG is the same sum for the best possible ordering; reward = DCG / IDCG. When
    /// nothing is relevant, an empty answer scores 1 and any other 0.
    static func ndcg(_ answer: JSONValue, _ expected: JSONValue, field: String, k: Int) -> Score {
        guard case .success(let given) = list(answer, field: field, role: "answer") else {
            return .unusable("ndcg", listProblem(answer, field: field, role: "answer"))
        }
        guard let gains = relevanceGains(expected, field: field, k: k) else {
            return .unusable("ndcg", "the expected answer's '\(field)' is neither a ranking list nor a map of gains")
        }
        let ranked = distinctPrefix(given, k: k)
        var dcg = 0.0
        for (position, item) in ranked.enumerated() {
            dcg += (gains[item.key] ?? 0) / log2(Double(position) + 2)
        }
        var idcg = 0.0
        for (position, gain) in gains.values.sorted(by: >).prefix(max(k, 0)).enumerated() where gain > 0 {
            idcg += gain / log2(Double(position) + 2)
        }
        let reward = idcg == 0 ? (ranked.isEmpty ? 1 : 0) : min(1, dcg / idcg)
        return Score(reward: reward, detail: [
            "scorer": "ndcg", "field": .string(field), "k": .number(Double(k)), "dcg": .number(dcg),
            "idcg": .number(idcg), "ranked": .array(ranked.map(\.item)),
        ])
    }

    /// |answer[:k] ∩ expected[:k]| / min(k, |expected|), both as sets of canonical JSON. An empty
    /// expected list scores 1.
    static func topK(_ answer: JSONValue, _ expected: JSONValue, field: String, k: Int) -> Score {
        let given: [JSONValue]
        let wanted: [JSONValue]
        switch (list(answer, field: field, role: "answer"), list(expected, field: field, role: "expected answer")) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .unusable("top_k", problem.message)
        case let (.success(answerItems), .success(expectedItems)): (given, wanted) = (answerItems, expectedItems)
        }
        let answerTop = CanonicalSet(given.prefix(max(k, 0)))
        let expectedTop = CanonicalSet(wanted.prefix(max(k, 0)))
        let found = answerTop.intersection(expectedTop).count
        let denominator = min(k, wanted.count)
        let reward = denominator <= 0 ? 1 : Double(found) / Double(denominator)
        return Score(reward: min(1, reward), detail: [
            "scorer": "top_k", "field": .string(field), "k": .number(Double(k)), "found": .number(Double(found)),
            "denominator": .number(Double(denominator)),
            "missing": .array(expectedTop.subtracting(answerTop)),
        ])
    }

    /// Gains keyed by canonical JSON text.
    private static func relevanceGains(_ expected: JSONValue, field: String, k: Int) -> [String: Double]? {
        switch expected[field] {
        case .array(let ranking)?:
            var gains: [String: Double] = [:]
            for (rank, item) in distinctPrefix(ranking, k: k).enumerated() { gains[item.key] = Double(k - rank) }
            return gains
        case .object(let grades)?:
            var gains: [String: Double] = [:]
            for (item, grade) in grades {
                guard let gain = grade.doubleValue, gain.isFinite else { return nil }
                // Keys name string items; the canonical text of a string is quoted.
                gains[JSONValue.string(item).jsonText] = gain
            }
            return gains
        default:
            return nil
        }
    }

    /// The first k distinct items with their canonical JSON text: repeating an item cannot earn its
    /// gain twice.
    private static func distinctPrefix(_ items: [JSONValue], k: Int) -> [(key: String, item: JSONValue)] {
        var seen = Set<String>()
        var prefix: [(key: String, item: JSONValue)] = []
        for item in items where prefix.count < k {
            let text = item.jsonText
            if seen.insert(text).inserted { prefix.append((text, item)) }
        }
        return prefix
    }

    private static func listProblem(_ value: JSONValue, field: String, role: String) -> String {
        if case .failure(let problem) = list(value, field: field, role: role) { return problem.message }
        return "the \(role)'s '\(field)' is not a list"
    }
}
