import ModegateCore

/// A synthetic Python service to navigate: find definitions, count call sites, trace settings
/// (the CodePlane A/B idea). Params: `seed`, and the task (`task` with `function`, `field` or
/// `module`). Scored exact.
public struct CodeNavigationSuite: Suite {
    public init() {}

    public let name = "code_navigation"
    public let summary = "Navigate a synthetic Python code base: definitions, call sites, settings, imports, TODOs."

    private static let cache = GeneratedDataCache<SourceTree>()

    static func tree(_ params: JSONValue) -> SourceTree {
        let seed = SuiteParams(params).int("seed", default: 1, in: 0...Int(Int32.max))
        return cache.value(for: String(seed)) { SourceTree(seed: seed) }
    }

    public var tools: [ToolDescriptor] { Self.descriptors }

    static let descriptors = [
        ToolDescriptor(
            name: "list_files",
            description: "Lists the repository's files under a directory (all files when `dir` is left out), "
                + "recursively, sorted: {files: [paths]}.",
            inputSchema: InputSchema.object(["dir": InputSchema.string("Directory, e.g. src/shop.")])),
        ToolDescriptor(
            name: "read_file", description: "Reads one file: {path, content, line_count}. Lines are numbered from 1.",
            inputSchema: InputSchema.object(["path": InputSchema.string("File path, e.g. src/shop/billing.py.")],
                                            required: ["path"])),
        ToolDescriptor(
            name: "search_code",
            description: "Finds every line containing the pattern, as literal, case-sensitive text: "
                + "{matches: [{path, line, text}], truncated}, in path and line order; at most 200 matches.",
            inputSchema: InputSchema.object(["pattern": InputSchema.string("Text to find.")], required: ["pattern"])),
    ]

    public func makeSession(params: JSONValue) -> any ToolSession {
        CodeNavigationSession(tree: Self.tree(params))
    }

    public func oracle(params: JSONValue) -> JSONValue? {
        CodeNavigationTask(params: params)?.expected(in: Self.tree(params))
    }
}

struct CodeNavigationSession: ToolSession {
    let tree: SourceTree

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

    private static let matchLimit = 200

    private func search(_ arguments: JSONValue) throws -> JSONValue {
        let pattern = try ToolArguments(arguments, tool: "search_code", allowed: ["pattern"]).string("pattern")
        guard !pattern.isEmpty else { throw ToolFailure("search_code: the pattern must not be empty") }
        var matches: [JSONValue] = []
        var truncated = false
        search: for file in tree.files {
            for (index, line) in file.lines.enumerated() where line.contains(pattern) {
                guard matches.count < Self.matchLimit else {
                    truncated = true
                    break search
                }
                matches.append(["path": .string(file.path), "line": .number(Double(index + 1)), "text": .string(line)])
            }
        }
        return ["matches": .array(matches), "truncated": .bool(truncated)]
    }
}
