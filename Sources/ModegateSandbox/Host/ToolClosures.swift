import ModegateCore

/// Tools given as async closures; a wave's calls run concurrently.
public struct ToolClosures: SandboxToolHandler {
    public typealias Tool = @Sendable (JSONValue) async throws -> JSONValue

    public let tools: [String: Tool]

    public init(_ tools: [String: Tool]) { self.tools = tools }

    public var toolNames: [String] { tools.keys.sorted() }

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
