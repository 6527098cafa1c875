/// A handler for programs that call no tools.
public struct NoTools: SandboxToolHandler {
    public init() {}
    public var toolNames: [String] { [] }
    public func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        wave.map { .failure("unknown tool '\($0.name)'") }
    }
}
