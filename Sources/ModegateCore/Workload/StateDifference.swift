/// Where two JSON trees differ, as key paths (`invoices[2].paid_cents`), so a failed `state` score
/// says which part of the final state is wrong instead of only that it is.
enum StateDifference {
    /// At most `limit` paths, in key order, depth first.
    static func paths(_ actual: JSONValue, _ expected: JSONValue, limit: Int) -> [String] {
        var found: [String] = []
        collect(actual, expected, path: "state", into: &found, limit: limit)
        return found
    }

    private static func collect(_ actual: JSONValue, _ expected: JSONValue, path: String, into found: inout [String], limit: Int) {
        guard found.count < limit, !Scoring.canonicallyEqual(actual, expected) else { return }
        switch (actual, expected) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                let childPath = "\(path).\(key)"
                switch (left[key], right[key]) {
                case let (l?, r?): collect(l, r, path: childPath, into: &found, limit: limit)
                case (nil, _?): append("\(childPath) is missing", into: &found, limit: limit)
                case (_?, nil): append("\(childPath) is unexpected", into: &found, limit: limit)
                case (nil, nil): break
                }
            }
        case (.array(let left), .array(let right)):
            if left.count != right.count {
                append("\(path) has \(left.count) items, expected \(right.count)", into: &found, limit: limit)
            }
            for index in 0..<min(left.count, right.count) {
                collect(left[index], right[index], path: "\(path)[\(index)]", into: &found, limit: limit)
            }
        default:
            append("\(path) is \(actual.jsonText), expected \(expected.jsonText)", into: &found, limit: limit)
        }
    }

    private static func append(_ text: String, into found: inout [String], limit: Int) {
        if found.count < limit { found.append(text) }
    }
}
