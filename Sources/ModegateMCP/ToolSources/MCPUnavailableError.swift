/// An MCP server a run needs could not be started, reached or listed before the first trial:
/// the run does not start (exit 4), and the message names the server and what went wrong.
public struct MCPUnavailableError: Error, Sendable, CustomStringConvertible {
    /// What failed, naming the server.
    public let description: String

    /// A server that is not there, in words the user acts on.
    public init(_ description: String) { self.description = description }
}
