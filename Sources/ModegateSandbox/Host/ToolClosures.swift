import ModegateCore

/// Tools given as async closures; a wave's calls run concurrently.
public struct ToolClosures: SandboxToolHandler {
    /// One tool: arguments in, a value out, a thrown error for a failure.
    public typealias Tool = @Sendable (JSONValue) async throws -> JSONValue

    /// The tools by name.
    public let tools: [String: Tool]

    /// A handler of these tools.
    public init(_ tools: [String: Tool]) { self.tools = tools }

    /// The tools' names, sorted.
    public var toolNames: [String] { tools.keys.sorted() }

    /// Calls every tool of the wave concurrently; an unknown tool or a thrown error is a failure.
    public func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        await wave.orderedConcurrentMap { await call($0) }
    }

    private func call(_ invocation: ToolInvocation) async -> ToolResult {
        guard let tool = tools[invocation.name] else { return .failure("unknown tool '\(invocation.name)'") }
        do {
            return .success(try await tool(invocation.arguments))
        } catch {
            return .failure("\(error)")
        }
    }
}
