import ModegateCore
import Synchronization

/// The run's check that tools with an `outputSchema` answer with `structuredContent` that
/// conforms to it (MCP requires it; the declarations promise the model that type). Every reply of
/// such a tool is checked; the first that does not conform gives one warning per tool.
final class OutputConformance: Sendable {
    private let findings = Mutex<[String: String]>([:])

    /// Checks one successful reply of `tool`.
    func check(_ reply: ToolReply, of tool: ToolDescriptor) {
        guard let schema = tool.outputSchema, !reply.isError else { return }
        let problem: String?
        if let structured = reply.structuredContent {
            problem = AnswerSchema(schema).problem(with: structured)
        } else {
            problem = "it gave no structuredContent"
        }
        guard let problem else { return }
        findings.withLock { found in
            if found[tool.name] == nil {
                found[tool.name] = "tool '\(tool.name)' answered outside its outputSchema: \(problem)"
            }
        }
    }

    /// One warning per tool that answered outside its schema, by tool name.
    var warnings: [String] {
        findings.withLock { found in found.keys.sorted().compactMap { found[$0] } }
    }
}
