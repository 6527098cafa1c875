import ModegateCore

/// What the runner learned about an arm beyond its trials, for the arm's run summary: how a
/// code-mode arm was shown its tools, and the pre-flight warnings about the tools it was offered.
struct ArmNotes: Sendable {
    var toolAPI: ToolAPIFigures?
    var toolWarnings: [String] = []
    /// What the arm's figures depend on, for reusing its run as a baseline.
    var provenance: RunProvenance?
}
