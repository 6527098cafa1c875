import ModegateCore

/// How a server's second `tools/list` differs from its first: tools added, removed, or changed
/// (description or schemas). Restarts during a run and `check`'s double start compare so.
public enum ToolListDrift {
    /// "added a, b; removed c; changed d", or nil when both lists offer the same tools.
    public static func describe(before: [ToolDescriptor], after: [ToolDescriptor]) -> String? {
        let old = Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(after.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let added = new.keys.filter { old[$0] == nil }.sorted()
        let removed = old.keys.filter { new[$0] == nil }.sorted()
        let changed = old.keys.filter { new[$0] != nil && new[$0] != old[$0] }.sorted()
        var parts: [String] = []
        if !added.isEmpty { parts.append("added \(added.joined(separator: ", "))") }
        if !removed.isEmpty { parts.append("removed \(removed.joined(separator: ", "))") }
        if !changed.isEmpty { parts.append("changed \(changed.joined(separator: ", "))") }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }
}
