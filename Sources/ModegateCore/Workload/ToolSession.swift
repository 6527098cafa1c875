/// The tools of one trial: fresh state per trial, so stateful tools (a ledger) start clean and
/// both arms see identical data.
public protocol ToolSession: Sendable {
    var tools: [ToolDescriptor] { get }
    func call(_ name: String, arguments: JSONValue) async -> ToolReply
    /// The suite's state after the trial, for the `state` scorer; nil for stateless suites.
    func finalState() async -> JSONValue?
    /// A failure of what carries the tools (an MCP server that exited or stopped answering),
    /// which makes the trial an infrastructure error instead of the strategy's failure.
    func infrastructureFailure() async -> String?
    /// What carries the tools that had to be started again for this trial because it had died
    /// (a crashed MCP server), by name and count; the default is none.
    func serverRestarts() async -> [String: Int]
    /// Ends the session (a per-trial server is stopped); the default does nothing.
    func close() async
}

extension ToolSession {
    public func infrastructureFailure() async -> String? { nil }
    public func serverRestarts() async -> [String: Int] { [:] }
    public func close() async {}
}

/// A built-in suite: tools with deterministic data, generated from a case's `params` alone (never
/// from the gate's seed), so a case's expected answer is fixed.
public protocol Suite: Sendable {
    var name: String { get }
    var summary: String { get }
    var tools: [ToolDescriptor] { get }
    func makeSession(params: JSONValue) -> any ToolSession
    /// The expected answer computed from `params`, for cases that do not state one; nil when the
    /// suite has no oracle for these params.
    func oracle(params: JSONValue) -> JSONValue?
    /// The expected final state for `state`-scored cases; nil when the suite is stateless.
    func expectedState(params: JSONValue) -> JSONValue?
    /// True when its tools are reached over MCP (counted as `mcp_tool_calls`).
    var overMCP: Bool { get }
}

extension Suite {
    public var overMCP: Bool { false }
    public func oracle(params: JSONValue) -> JSONValue? { nil }
    public func expectedState(params: JSONValue) -> JSONValue? { nil }
}
