/// The RLM Code spelling of a benchmark run: `bench preset=P mode=harness strategy=tool_call
/// mcp=on mcp_server=codemode`. Only harness mode exists in modegate (the others drive RLM Code's
/// own agents).
public struct RLMBenchRunArguments: Sendable, Equatable {
    public var presets: [String] = []
    public var strategy: String?
    public var mcp = false
    public var mcpServer: String?
    public var limit: Int?
    public var repetitions: Int?

    static let keys = ["preset", "mode", "strategy", "mcp", "mcp_server", "limit", "repetitions"]

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
