/// The RLM Code spelling of a benchmark run: `bench preset=P mode=harness strategy=tool_call
/// mcp=on mcp_server=codemode`. Only harness mode exists in modegate (the others drive RLM Code's
/// own agents).
public struct RLMBenchRunArguments: Sendable, Equatable {
    /// The presets to run (`preset=`, repeatable or comma-separated).
    public var presets: [String] = []
    /// The arm's strategy (`strategy=`), as written; nil for the default.
    public var strategy: String?
    /// Whether the suites' tools are reached over MCP (`mcp=on`).
    public var mcp = false
    /// With code mode, the gate's MCP server that runs the programs (`mcp_server=`).
    public var mcpServer: String?
    /// Cases per preset (`limit=`); nil for all.
    public var limit: Int?
    /// Trials per case (`repetitions=`); nil for the gate's.
    public var repetitions: Int?

    static let keys = ["preset", "mode", "strategy", "mcp", "mcp_server", "limit", "repetitions"]

    /// Reads `key=value` words; only `mode=harness` exists here. Throws the first problem.
    public init(words: [String]) throws(RLMBenchArguments.Problem) {
        for word in words {
            guard let equals = word.firstIndex(of: "=") else { throw .unknownKey(word, suggestion: nil) }
            let key = word[..<equals].lowercased()
            let value = String(word[word.index(after: equals)...])
            switch key {
            case "preset": presets += value.split(separator: ",").map(String.init)
            case "mode":
                guard value.lowercased() == "harness" else { throw .invalidMode(value) }
            case "strategy": strategy = value
            case "mcp":
                guard let flag = RLMBenchArguments.parseSwitch(value) else { throw .invalidSwitch(key: key, value: value) }
                mcp = flag
            case "mcp_server": mcpServer = value
            case "limit":
                guard let number = Int(value), number >= 0 else { throw .invalidNumber(key: key, value: value) }
                limit = number
            case "repetitions":
                guard let number = Int(value), number >= 1 else { throw .invalidNumber(key: key, value: value) }
                repetitions = number
            default: throw .unknownKey(String(key), suggestion: NameSuggestion.closest(to: String(key), among: Self.keys))
            }
        }
    }
}
