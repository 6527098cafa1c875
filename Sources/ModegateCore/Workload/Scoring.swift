/// The built-in scorers of DESIGN §4 as pure functions of an answer and its expected value.
///
/// Equality is always *canonical*: two values are equal when their compact, key-sorted JSON texts
/// are equal, so `1` equals `1.0`, object key order never matters, and a value survives a round
/// trip through a tool, a program and a model unchanged in meaning.
public enum Scoring {
    /// Scores `answer` against `expected` (and, for `state`, the suite's final state against the
    /// expected state). Returns nil for `.js`, whose program the harness runs in the sandbox, and
    /// `.mcp`, whose checker tool the harness calls.
    public static func score(
        _ spec: ScorerSpec, answer: JSONValue, expected: JSONValue, finalState: JSONValue?, expectedState: JSONValue?
    ) -> Score? {
        switch spec {
        case .exact: exact(answer, expected)
        case .fields(let tolerance): fields(answer, expected, tolerance: tolerance)
        case .setF1(let field): setF1(answer, expected, field: field)
        case .ndcg(let field, let k): ndcg(answer, expected, field: field, k: k)
        case .topK(let field, let k): topK(answer, expected, field: field, k: k)
        case .state: state(finalState, expectedState)
        case .perItem(let field): perItem(answer, expected, field: field)
        case .js, .mcp: nil
        }
    }

    /// The one definition of equality every scorer uses.
    public static func canonicallyEqual(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        lhs == rhs || lhs.jsonText == rhs.jsonText
    }

    static func exact(_ answer: JSONValue, _ expected: JSONValue) -> Score {
        let equal = canonicallyEqual(answer, expected)
        var detail: [String: JSONValue] = ["scorer": "exact", "equal": .bool(equal)]
        if !equal { detail["expected"] = expected }
        return Score(reward: equal ? 1 : 0, detail: .object(detail))
    }

    static func state(_ finalState: JSONValue?, _ expectedState: JSONValue?) -> Score {
        guard let finalState else { return .unusable("state", "the suite reported no final state") }
        guard let expectedState else { return .unusable("state", "the suite has no expected state for this case") }
        let equal = canonicallyEqual(finalState, expectedState)
        var detail: [String: JSONValue] = ["scorer": "state", "equal": .bool(equal)]
        if !equal {
            detail["differences"] = .array(StateDifference.paths(finalState, expectedState, limit: 10).map(JSONValue.string))
        }
        return Score(reward: equal ? 1 : 0, detail: .object(detail))
    }

    /// The list in `value[field]`, or why there is none.
    static func list(_ value: JSONValue, field: String, role: String) -> Result<[JSONValue], ListProblem> {
        guard case .object(let members) = value else {
            return .failure(ListProblem("the \(role) is not an object with a '\(field)' list"))
        }
        guard let member = members[field] else { return .failure(ListProblem("the \(role) has no '\(field)' field")) }
        guard case .array(let items) = member else {
            return .failure(ListProblem("the \(role)'s '\(field)' is not a list"))
        }
        return .success(items)
    }

    struct ListProblem: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }
}
