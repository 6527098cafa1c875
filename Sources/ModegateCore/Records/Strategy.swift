/// How the agent uses tools (DESIGN §1). Raw values are the gate file's and the records' spelling.
public enum Strategy: String, Sendable, Codable, CaseIterable, Hashable {
    case toolCall = "tool_call"
    case codemode
}
