extension Scoring {
    /// F1 between the answer's and the expected list in `field`, each taken as a set of canonical
    /// JSON values (order and repeats do not count). Two empty sets agree perfectly (F1 = 1).
    static func setF1(_ answer: JSONValue, _ expected: JSONValue, field: String) -> Score {
        let given: [JSONValue]
        let wanted: [JSONValue]
        switch (list(answer, field: field, role: "answer"), list(expected, field: field, role: "expected answer")) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .unusable("set_f1", problem.message)
        case let (.success(answerItems), .success(expectedItems)): (given, wanted) = (answerItems, expectedItems)
        }
        let answerSet = CanonicalSet(given)
        let expectedSet = CanonicalSet(wanted)
        let common = answerSet.intersection(expectedSet).count
        let precision = answerSet.isEmpty ? (expectedSet.isEmpty ? 1 : 0) : Double(common) / Double(answerSet.count)
        let recall = expectedSet.isEmpty ? (answerSet.isEmpty ? 1 : 0) : Double(common) / Double(expectedSet.count)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return Score(reward: f1, detail: [
            "scorer": "set_f1", "field": .string(field), "precision": .number(precision), "recall": .number(recall),
            "true_positives": .number(Double(common)), "answered": .number(Double(answerSet.count)),
            "expected": .number(Double(expectedSet.count)),
            "missing": .array(expectedSet.subtracting(answerSet)),
            "extra": .array(answerSet.subtracting(expectedSet)),
        ])
    }

    /// Position-by-position equality of the lists in `field`, divided by the number of expected
    /// items; extra answered items earn nothing and cost nothing, so an empty expected list scores 1.
    static func perItem(_ answer: JSONValue, _ expected: JSONValue, field: String) -> Score {
        let given: [JSONValue]
        let wanted: [JSONValue]
        switch (list(answer, field: field, role: "answer"), list(expected, field: field, role: "expected answer")) {
        case (.failure(let problem), _), (_, .failure(let problem)): return .unusable("per_item", problem.message)
        case let (.success(answerItems), .success(expectedItems)): (given, wanted) = (answerItems, expectedItems)
        }
        var wrong: [JSONValue] = []
        for index in wanted.indices where index >= given.count || !canonicallyEqual(given[index], wanted[index]) {
            wrong.append(.number(Double(index)))
        }
        let correct = wanted.count - wrong.count
        let reward = wanted.isEmpty ? 1 : Double(correct) / Double(wanted.count)
        return Score(reward: reward, detail: [
            "scorer": "per_item", "field": .string(field), "correct": .number(Double(correct)),
            "expected": .number(Double(wanted.count)), "answered": .number(Double(given.count)),
            "wrong_positions": .array(wrong),
        ])
    }
}
