/// How a keyed collection changed: "added a, b; removed c; changed d", each list sorted, or nil
/// when nothing did. Tool lists across a server's restarts and a stored baseline's tools against
/// today's are compared so.
public enum KeyedChanges {
    /// The changes from `before` to `after`.
    public static func describe<Value: Equatable>(before: [String: Value], after: [String: Value]) -> String? {
        let added = after.keys.filter { before[$0] == nil }.sorted()
        let removed = before.keys.filter { after[$0] == nil }.sorted()
        let changed = before.keys.filter { after[$0] != nil && after[$0] != before[$0] }.sorted()
        var parts: [String] = []
        if !added.isEmpty { parts.append("added \(added.joined(separator: ", "))") }
        if !removed.isEmpty { parts.append("removed \(removed.joined(separator: ", "))") }
        if !changed.isEmpty { parts.append("changed \(changed.joined(separator: ", "))") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
