/// Answers a program's tool calls. The sandbox hands over a *wave*: every call the program issued
/// before it had to wait (the engine went idle), in call order; the results go back together.
public protocol SandboxToolHandler: Sendable {
    /// The tools programs may call, by name.
    var toolNames: [String] { get }
    /// Answers one wave, one result per call in call order; never throws.
    func handle(_ wave: [ToolInvocation]) async -> [ToolResult]
}
