extension Scoring {
    /// Subset match: every field of the expected object counts once; the answer may carry more.
    /// A field matches when it is *close*: numbers within `tolerance` (absolute), objects when every
    /// expected member is close (again a subset), lists item by item with equal lengths, and
    /// everything else canonically equal. An expected value that is not an object is one field.
    static func fields(_ answer: JSONValue, _ expected: JSONValue, tolerance: Double) -> Score {
        guard case .object(let expectedFields) = expected else {
            let close = isClose(answer, expected, tolerance: tolerance)
            return Score(reward: close ? 1 : 0, detail: [
                "scorer": "fields", "matched": close ? ["(value)"] : [], "mismatched": close ? [] : ["(value)"],
                "total": 1, "tolerance": .number(tolerance),
            ])
        }
        guard case .object(let answerFields) = answer else {
            return .unusable("fields", "the answer is not an object")
        }
        var matched: [JSONValue] = []
        var mismatched: [JSONValue] = []
        var missing: [JSONValue] = []
        for name in expectedFields.keys.sorted() {
            guard let given = answerFields[name] else {
                missing.append(.string(name))
                continue
            }
            if isClose(given, expectedFields[name]!, tolerance: tolerance) {
                matched.append(.string(name))
            } else {
                mismatched.append(.string(name))
            }
        }
        let total = expectedFields.count
        // An empty expected object asks for nothing, so any object answers it.
        let reward = total == 0 ? 1 : Double(matched.count) / Double(total)
        return Score(reward: reward, detail: [
            "scorer": "fields", "matched": .array(matched), "mismatched": .array(mismatched),
            "missing": .array(missing), "total": .number(Double(total)), "tolerance": .number(tolerance),
        ])
    }

    static func isClose(_ answer: JSONValue, _ expected: JSONValue, tolerance: Double) -> Bool {
        switch (answer, expected) {
        case (.number(let given), .number(let wanted)):
            return given == wanted || abs(given - wanted) <= tolerance
        case (.object(let given), .object(let wanted)):
            return wanted.allSatisfy { name, value in
                given[name].map { isClose($0, value, tolerance: tolerance) } ?? false
            }
        case (.array(let given), .array(let wanted)):
            return given.count == wanted.count
                && zip(given, wanted).allSatisfy { isClose($0, $1, tolerance: tolerance) }
        default:
            return canonicallyEqual(answer, expected)
        }
    }
}
