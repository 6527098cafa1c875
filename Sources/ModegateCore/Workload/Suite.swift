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
