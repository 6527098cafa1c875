import ModegateCore

/// How a server's second `tools/list` differs from its first: tools added, removed, or changed
/// (description or schemas). Restarts during a run and `check`'s double start compare so.
public enum ToolListDrift {
    /// "added a, b; removed c; changed d", or nil when both lists offer the same tools.
    public static func describe(before: [ToolDescriptor], after: [ToolDescriptor]) -> String? {
        KeyedChanges.describe(
            before: Dictionary(before.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
            after: Dictionary(after.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }))
    }
}
