import ModegateCore

/// File and shell tools over a real directory on disk (a git checkout, most often): what a coding
/// agent's harness gives it before any MCP server is added, so a gate can A/B an added server
/// (`candidate.mcp_servers`) against the agent's native tools. Params: `root`, the directory,
/// relative to the working directory. Unlike the generated suites its data is the directory as
/// it is when the trial runs, so cases state their expected answers.
public struct WorkspaceSuite: Suite {
    /// The suite; each case names its directory in `params.root`.
    public init() {}

    /// `workspace`, as presets name it.
    public let name = "workspace"
    /// One line for listings.
    public let summary = "File and shell tools over a directory on disk (params.root): list, read, search, run git and text tools."

    /// `list_files`, `read_file`, `search_files` and `run_command`.
    public var tools: [ToolDescriptor] { Self.descriptors }

    static let descriptors = [
        ToolDescriptor(
            name: "list_files",
            description: "Lists the workspace's files under a directory (all when `dir` is left out), recursively, "
                + "sorted, without .git: {files: [paths]}.",
            inputSchema: InputSchema.object(["dir": InputSchema.string("Directory relative to the workspace, e.g. src.")]),
            outputSchema: OutputSchema.object(["files": OutputSchema.array(of: OutputSchema.string)])),
        ToolDescriptor(
            name: "read_file",
            description: "Reads one text file of the workspace: {path, content, line_count}.",
            inputSchema: InputSchema.object(["path": InputSchema.string("File path relative to the workspace.")],
                                            required: ["path"]),
            outputSchema: OutputSchema.object(["path": OutputSchema.string, "content": OutputSchema.string, "line_count": OutputSchema.integer])),
        ToolDescriptor(
            name: "search_files",
            description: "Finds every line containing the pattern, as literal, case-sensitive text: "
                + "{matches: [{path, line, text}], truncated}, in path and line order; at most 200 matches.",
            inputSchema: InputSchema.object(["pattern": InputSchema.string("Text to find.")], required: ["pattern"]),
            outputSchema: OutputSchema.matches),
        ToolDescriptor(
            name: "run_command",
            description: "Runs one command in the workspace, like a shell without pipes or redirection: "
                + "{exit_code, stdout, stderr}. Programs: \(WorkspaceCommand.programs.sorted().joined(separator: ", ")); "
                + "git only reads (\(WorkspaceCommand.gitSubcommands.sorted().joined(separator: ", "))). "
                + "Paths stay inside the workspace.",
            inputSchema: InputSchema.object(
                ["command": InputSchema.stringList("The program and its arguments, e.g. [\"git\", \"log\", \"-n\", \"3\"].")],
                required: ["command"]),
            outputSchema: OutputSchema.object(["exit_code": OutputSchema.integer, "stdout": OutputSchema.string, "stderr": OutputSchema.string])),
    ]

    /// A session over the directory `params.root` names.
    public func makeSession(params: JSONValue) -> any ToolSession {
        WorkspaceSession(root: WorkspaceRoot(SuiteParams(params).string("root") ?? "."))
    }
}
