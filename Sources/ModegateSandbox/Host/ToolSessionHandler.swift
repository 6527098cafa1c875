import ModegateCore

/// Answers a program's calls from a suite's (or an MCP server's) tool session: what a program
/// receives is the reply's `programValue` (structured content, else parsed text, else the text),
/// and a reply marked as an error rejects the call with its text.
public struct ToolSessionHandler: SandboxToolHandler {
    /// The session the calls go to.
    public let session: any ToolSession

    /// A handler for `session`'s tools.
    public init(_ session: any ToolSession) { self.session = session }

    /// The session's tools, by name.
    public var toolNames: [String] { session.tools.map(\.name) }

    /// Calls every tool of the wave concurrently.
    public func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        await wave.orderedConcurrentMap { await result($0) }
    }

    private func result(_ invocation: ToolInvocation) async -> ToolResult {
        let reply = await session.call(invocation.name, arguments: invocation.arguments)
        return reply.isError ? .failure(reply.text) : .success(reply.programValue)
    }
}
