import ModegateCore

/// The navigation tools over one generated tree, shared read-only between sessions.
struct CodeNavigationSession: ToolSession {
    let tree: SourceTree
    /// Like real code search, a broad pattern gets a bounded answer and says it was cut.
    var matchLimit = 200

    var tools: [ToolDescriptor] { CodeNavigationSuite.descriptors }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        switch name {
        case "list_files":
            return SessionReplies.reply {
                let dir = try ToolArguments(arguments, tool: name, allowed: ["dir"]).optionalString("dir") ?? ""
                let prefix = dir.isEmpty || dir.hasSuffix("/") ? dir : dir + "/"
                let files = tree.files.map(\.path).filter { $0.hasPrefix(prefix) }
                guard !files.isEmpty else { throw ToolFailure("list_files: no directory '\(dir)'") }
                return ["files": .array(files.map(JSONValue.string))]
            }
        case "read_file":
            return SessionReplies.reply {
                let path = try ToolArguments(arguments, tool: name, allowed: ["path"]).string("path")
                guard let file = tree.files.first(where: { $0.path == path }) else {
                    throw ToolFailure("read_file: no file '\(path)'")
                }
                return ["path": .string(path), "content": .string(file.content), "line_count": .number(Double(file.lines.count))]
            }
        case "search_code":
            return SessionReplies.reply { try search(arguments) }
        default:
            return SessionReplies.unknownTool(name, in: tools)
        }
    }

    func finalState() async -> JSONValue? { nil }

    private func search(_ arguments: JSONValue) throws -> JSONValue {
        let pattern = try ToolArguments(arguments, tool: "search_code", allowed: ["pattern"]).string("pattern")
        guard !pattern.isEmpty else { throw ToolFailure("search_code: the pattern must not be empty") }
        return LineSearch(limit: matchLimit).matches(of: pattern, in: tree.files.lazy.map { (path: $0.path, lines: $0.lines) })
    }
}
