import ModegateCore

/// What the runner learned about an arm beyond its trials, for the arm's run summary: how a
/// code-mode arm was shown its tools, the pre-flight warnings about the tools it was offered, and
/// the MCP servers it used.
struct ArmNotes: Sendable {
    var toolAPI: ToolAPIFigures?
    var toolWarnings: [String] = []
    /// What the arm's figures depend on, for reusing its run as a baseline.
    var provenance: RunProvenance?
    /// The arm reached its tools, or ran its programs, over MCP (the summary's `mcp_enabled`).
    var mcpEnabled = false
    /// The MCP servers it reached, comma-separated (the summary's `mcp_server`).
    var mcpServer: String?
}
