import ModegateCore

/// A trial's tools as the arms see them: the case's own (every tool of the suite, or those its
/// `tools:` names), without the tools only the harness calls (a case's setup and checker tools).
/// A call to a hidden tool is refused; the harness calls its own on the session beneath.
struct CaseToolsSession: ToolSession {
    let inner: any ToolSession
    /// The harness's setup and checker tools.
    let harness: Set<String>
    /// The case's tools; nil for every tool of the suite.
    let offered: Set<String>?

    init(inner: any ToolSession, harness: Set<String>, offered: Set<String>? = nil) {
        self.inner = inner
        self.harness = harness
        self.offered = offered
    }

    var tools: [ToolDescriptor] { inner.tools.filter { refusal($0.name) == nil } }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        if let refusal = refusal(name) { return .failure(refusal) }
        return await inner.call(name, arguments: arguments)
    }

    private func refusal(_ name: String) -> String? {
        if harness.contains(name) { return "tool '\(name)' is not available to the agent" }
        if let offered, !offered.contains(name) { return "tool '\(name)' is not offered in this case" }
        return nil
    }

    func finalState() async -> JSONValue? { await inner.finalState() }
    func infrastructureFailure() async -> TrialError? { await inner.infrastructureFailure() }
    func serverRestarts() async -> MCPRestarts { await inner.serverRestarts() }
    func close() async { await inner.close() }
}
