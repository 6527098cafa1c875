import ModegateCore

/// A synthetic Python service to navigate: find definitions, count call sites, trace settings
/// (the CodePlane A/B idea). Params: `seed`, and the task (`task` with `function`, `field` or
/// `module`). Scored exact.
public struct CodeNavigationSuite: Suite {
    /// The suite; each case's code base comes from its `seed`.
    public init() {}

    /// `code_navigation`, as presets name it.
    public let name = "code_navigation"
    /// One line for listings.
    public let summary = "Navigate a synthetic Python code base: definitions, call sites, settings, imports, TODOs."

    private static let cache = GeneratedDataCache<SourceTree>()

    static func tree(_ params: JSONValue) -> SourceTree {
        let seed = SuiteParams(params).int("seed", default: 1, in: 0...Int(Int32.max))
        return cache.value(for: String(seed)) { SourceTree(seed: seed) }
    }

    /// `list_files`, `read_file` and `search_code`.
    public var tools: [ToolDescriptor] { Self.descriptors }

    static let descriptors = [
        ToolDescriptor(
            name: "list_files",
            description: "Lists the repository's files under a directory (all files when `dir` is left out), "
                + "recursively, sorted: {files: [paths]}.",
            inputSchema: InputSchema.object(["dir": InputSchema.string("Directory, e.g. src/shop.")]),
            outputSchema: OutputSchema.object(["files": OutputSchema.array(of: OutputSchema.string)])),
        ToolDescriptor(
            name: "read_file", description: "Reads one file: {path, content, line_count}. Lines are numbered from 1.",
            inputSchema: InputSchema.object(["path": InputSchema.string("File path, e.g. src/shop/billing.py.")],
                                            required: ["path"]),
            outputSchema: OutputSchema.object(["path": OutputSchema.string, "content": OutputSchema.string, "line_count": OutputSchema.integer])),
        ToolDescriptor(
            name: "search_code",
            description: "Finds every line containing the pattern, as literal, case-sensitive text: "
                + "{matches: [{path, line, text}], truncated}, in path and line order; at most 200 matches.",
            inputSchema: InputSchema.object(["pattern": InputSchema.string("Text to find.")], required: ["pattern"]),
            outputSchema: OutputSchema.matches),
    ]

    /// A session over the code base of `params`' seed.
    public func makeSession(params: JSONValue) -> any ToolSession {
        CodeNavigationSession(tree: Self.tree(params))
    }

    /// The task's expected answer, computed on the same code base; nil for params that name no task.
    public func oracle(params: JSONValue) -> JSONValue? {
        CodeNavigationTask(params: params)?.expected(in: Self.tree(params))
    }
}
