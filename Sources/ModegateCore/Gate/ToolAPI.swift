/// How the candidate is told its tools' API (`candidate.tool_api`): as TypeScript declarations
/// generated from the tools' schemas, as real Code Mode systems do, or by name only (the model
/// then needs `tool_info` to learn a tool's parameters).
public enum ToolAPI: String, Sendable, Codable, CaseIterable {
    /// Declarations of every tool's arguments and result, with their descriptions.
    case typescript
    /// The tools' names only.
    case names
}
