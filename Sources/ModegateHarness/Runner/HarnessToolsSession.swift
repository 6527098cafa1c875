import ModegateCore

/// A trial's tools as the arms see them: without the tools only the harness calls (a case's
/// setup and checker tools), which are refused if an arm calls them anyway; the harness calls
/// them on the session beneath.
struct HarnessToolsSession: ToolSession {
    let inner: any ToolSession
    let hidden: Set<String>

    var tools: [ToolDescriptor] { inner.tools.filter { !hidden.contains($0.name) } }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        guard !hidden.contains(name) else { return .failure("tool '\(name)' is not available to the agent") }
        return await inner.call(name, arguments: arguments)
    }

    func finalState() async -> JSONValue? { await inner.finalState() }
    func infrastructureFailure() async -> TrialError? { await inner.infrastructureFailure() }
    func serverRestarts() async -> MCPRestarts { await inner.serverRestarts() }
    func close() async { await inner.close() }
}
