import ModegateCore

/// Where two JSON values first differ, as a path with both sides, for replay's miss messages.
enum JSONDifference {
    static func first(_ recorded: JSONValue, _ live: JSONValue, at path: String = "$") -> String? {
        switch (recorded, live) {
        case (.object(let left), .object(let right)):
            for key in Set(left.keys).union(right.keys).sorted() {
                if let difference = first(left[key] ?? .null, right[key] ?? .null, at: "\(path).\(key)") { return difference }
            }
            return nil
        case (.array(let left), .array(let right)):
            for index in 0..<min(left.count, right.count) {
                if let difference = first(left[index], right[index], at: "\(path)[\(index)]") { return difference }
            }
            return left.count == right.count ? nil : "\(path): recorded \(left.count) items, now \(right.count)"
        default:
            return recorded == live ? nil : "\(path): recorded \(excerpt(recorded)), now \(excerpt(live))"
        }
    }

    private static func excerpt(_ value: JSONValue) -> String {
        let text = value.jsonText
        return text.count > 120 ? String(text.prefix(120)) + "…" : text
    }
}
