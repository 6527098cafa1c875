/// A built-in suite: tools with deterministic data, generated from a case's `params` alone (never
/// from the gate's seed), so a case's expected answer is fixed.
public protocol Suite: Sendable {
    /// The suite's name, as presets write it in `suite:`.
    var name: String { get }
    /// One line for `modegate presets` and `serve`'s listing.
    var summary: String { get }
    /// The tools every session offers, as models and programs see them.
    var tools: [ToolDescriptor] { get }
    /// A fresh session for one trial, its data generated from `params`.
    func makeSession(params: JSONValue) -> any ToolSession
    /// A fresh session for one trial of `arm`: suites over servers give each arm its own.
    func makeSession(params: JSONValue, arm: ArmRole) -> any ToolSession
    /// A fresh session for trial `trial` (unique in the run) of `arm`: suites over servers tell
    /// the server which trial each call belongs to, so it can keep state per trial.
    func makeSession(params: JSONValue, arm: ArmRole, trial: String) -> any ToolSession
    /// The expected answer computed from `params`, for cases that do not state one; nil when the
    /// suite has no oracle for these params.
    func oracle(params: JSONValue) -> JSONValue?
    /// The expected final state for `state`-scored cases; nil when the suite is stateless.
    func expectedState(params: JSONValue) -> JSONValue?
    /// True when its tools are reached over MCP (counted as `mcp_tool_calls`).
    var overMCP: Bool { get }
    /// The MCP server the tools come from, as a run's summary names it (`mcp_server`); nil in process.
    var mcpServerName: String? { get }
}

extension Suite {
    /// Every arm gets the same kind of fresh session.
    public func makeSession(params: JSONValue, arm: ArmRole) -> any ToolSession { makeSession(params: params) }
    /// In process, a session is the trial's alone.
    public func makeSession(params: JSONValue, arm: ArmRole, trial: String) -> any ToolSession { makeSession(params: params, arm: arm) }
    /// Built-in suites run in process.
    public var overMCP: Bool { false }
    /// In process: no server.
    public var mcpServerName: String? { nil }
    /// No oracle: cases state their expected answer.
    public func oracle(params: JSONValue) -> JSONValue? { nil }
    /// No state to check: the suite is stateless.
    public func expectedState(params: JSONValue) -> JSONValue? { nil }
}
