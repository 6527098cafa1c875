/// How the agent uses tools (DESIGN §1): the one spelling of a strategy in gate files
/// (`baseline.strategy`), records and the command line.
public enum Strategy: String, Sendable, Codable, CaseIterable, Hashable {
    /// Every tool schema in context, tools called turn by turn.
    case toolCall = "tool_call"
    /// One `run_code` tool: the model writes a JavaScript program that calls the tools.
    case codemode
}
