/// How a case's answer is scored; every scorer gives a reward in [0, 1].
public enum ScorerSpec: Sendable, Hashable, Codable {
    /// Canonical JSON equality.
    case exact
    /// Every field of the expected object must match (numbers within `tolerance`); reward is the fraction matched.
    case fields(tolerance: Double)
    /// F1 between the expected and answered sets in a list field.
    case setF1(field: String)
    /// NDCG@k of the ranking in a list field against the expected ranking.
    case ndcg(field: String, k: Int)
    /// Share of the expected top k found in the answer's first k.
    case topK(field: String, k: Int)
    /// The suite's final state equals the expected state.
    case state
    /// Fraction of items right, position by position, in a list field.
    case perItem(field: String)
    /// A scorer program run in the sandbox: receives `answer` and `expected`, returns a number in [0, 1].
    case js(program: String)
    /// A checker tool beside the case's tools (`{kind: mcp, tool, arguments}`), called by the
    /// harness after the turn with `arguments` plus the `answer` and the `turn`; it answers a
    /// reward in [0, 1] (a number, or `{reward, detail}`). Never shown to either arm.
    case mcp(tool: String, arguments: JSONValue)
}
