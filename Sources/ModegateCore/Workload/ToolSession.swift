/// The tools of one trial: fresh state per trial, so stateful tools (a ledger) start clean and
/// both arms see identical data.
public protocol ToolSession: Sendable {
    /// The tools this trial may call.
    var tools: [ToolDescriptor] { get }
    /// Calls one tool; a tool's own failure is a reply with `isError`, never a throw.
    func call(_ name: String, arguments: JSONValue) async -> ToolReply
    /// The suite's state after the trial, for the `state` scorer; nil for stateless suites.
    func finalState() async -> JSONValue?
    /// A failure of what carries the tools (an MCP server that exited or hung: `mcp`; one that
    /// did not answer a call in time though it was alive: `timeout`), which makes the trial an
    /// infrastructure error instead of the strategy's failure.
    func infrastructureFailure() async -> TrialError?
    /// What carries the tools that had to be started again for this trial because it had died
    /// (a crashed or hung MCP server), by name and reason; the default is none.
    func serverRestarts() async -> MCPRestarts
    /// Ends the session (a per-trial server is stopped); the default does nothing.
    func close() async
}

extension ToolSession {
    /// Nothing carries the tools but the process: no infrastructure to fail.
    public func infrastructureFailure() async -> TrialError? { nil }
    /// Nothing was restarted.
    public func serverRestarts() async -> MCPRestarts { MCPRestarts() }
    /// Nothing to stop.
    public func close() async {}
}
