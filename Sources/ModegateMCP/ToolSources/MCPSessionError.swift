/// Why a trial has no connection to its tools' server.
public enum MCPSessionError: Error, CustomStringConvertible {
    /// The server was never opened for this run.
    case notOpen(String)
    /// The server could not be started (again).
    case cannotStart(String)

    /// What a call without a connection returns, and the trial's `mcp` error records.
    public var description: String {
        switch self {
        case .notOpen(let name): "MCP server '\(name)' is not connected"
        case .cannotStart(let reason): reason
        }
    }
}
