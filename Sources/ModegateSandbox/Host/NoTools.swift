/// A handler for programs that call no tools.
public struct NoTools: SandboxToolHandler {
    /// A handler with no tools.
    public init() {}
    /// None.
    public var toolNames: [String] { [] }
    /// Fails every call: no tool exists.
    public func handle(_ wave: [ToolInvocation]) async -> [ToolResult] {
        wave.map { .failure("unknown tool '\($0.name)'") }
    }
}
