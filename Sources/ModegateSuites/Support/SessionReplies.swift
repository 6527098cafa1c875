import ModegateCore

/// Runs a tool body and turns its `ToolFailure` into a failed reply, so each suite's dispatch
/// reads as a plain switch over tool names.
enum SessionReplies {
    static func reply(_ body: () throws -> JSONValue) -> ToolReply {
        do {
            return .value(try body())
        } catch let failure as ToolFailure {
            return .failure(failure.message)
        } catch {
            return .failure("\(error)")
        }
    }

    static func unknownTool(_ name: String, in tools: [ToolDescriptor]) -> ToolReply {
        .failure("unknown tool '\(name)'; this suite has \(tools.map(\.name).joined(separator: ", "))")
    }
}
