import ModegateCore

/// Makes a right answer wrong in the smallest way: the first leaf (depth first, keys in order)
/// changes — a number by one, a string gains a suffix, a boolean flips, null becomes a value —
/// and an empty list gains an item. Any correct scorer must then give less than full reward.
enum AnswerMutation {
    static func perturbed(_ value: JSONValue) -> JSONValue {
        switch value {
        case .null: return "not null"
        case .bool(let flag): return .bool(!flag)
        case .number(let number): return .number(number + 1)
        case .string(let text): return .string(text + "-wrong")
        case .array(let items):
            guard let first = items.first else { return ["unexpected"] }
            return .array([perturbed(first)] + items.dropFirst())
        case .object(var members):
            guard let key = members.keys.sorted().first else { return ["unexpected": true] }
            members[key] = perturbed(members[key]!)
            return .object(members)
        }
    }
}
