import ModegateCore

/// Names the tool-calling arm offers to the model. OpenAI's and Anthropic's tool calling accept
/// function names of letters, digits, `_` and `-`, at most 64 long; MCP servers name tools
/// freely (`git.log`, `fs/read`). A name outside that set is offered as a valid one (`git_log`,
/// made unique), and the model's calls are mapped back, so such a server is not a handicap of
/// the baseline. Valid names are kept as they are. The map depends only on the tool list, so it
/// is the same in every trial and in replays.
struct FunctionNameMap: Sendable {
    /// Original name → the name offered, for the renamed tools only.
    let renamed: [String: String]
    private let original: [String: String]

    /// The map of `tools`' names.
    init(_ tools: [ToolDescriptor]) {
        var taken = Set(tools.map(\.name).filter(Self.isValid))
        var renamed: [String: String] = [:]
        for name in Set(tools.map(\.name)).filter({ !Self.isValid($0) }).sorted() {
            let base = Self.sanitized(name)
            var candidate = base
            var suffix = 2
            while taken.contains(candidate) {
                let tail = "_\(suffix)"
                candidate = String(base.prefix(64 - tail.count)) + tail
                suffix += 1
            }
            taken.insert(candidate)
            renamed[name] = candidate
        }
        self.renamed = renamed
        self.original = Dictionary(uniqueKeysWithValues: renamed.map { ($0.value, $0.key) })
    }

    /// The tools as offered: renamed ones under their new names.
    func offered(_ tools: [ToolDescriptor]) -> [ToolDescriptor] {
        guard !renamed.isEmpty else { return tools }
        return tools.map { tool in
            var offered = tool
            offered.name = renamed[tool.name] ?? tool.name
            return offered
        }
    }

    /// The tool a call by `name` means: the original of a renamed tool, else the name itself.
    func tool(named name: String) -> String { original[name] ?? name }

    static func isValid(_ name: String) -> Bool {
        name.range(of: ToolContract.functionName, options: .regularExpression) != nil
    }

    /// Every character outside `[A-Za-z0-9_-]` becomes `_`; at most 64 characters; never empty.
    static func sanitized(_ name: String) -> String {
        let mapped = String(name.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-")
            return allowed ? Character(scalar) : "_"
        })
        let cut = String(mapped.prefix(64))
        return cut.isEmpty ? "tool" : cut
    }
}
