/// A named workload: a suite plus cases (DESIGN §4), loaded from `presets/*.yaml` or a user file.
public struct Preset: Sendable, Hashable, Codable {
    /// Where a preset's tools come from.
    public enum SuiteReference: Sendable, Hashable, Codable {
        /// `suite: NAME`: a built-in suite.
        case builtin(String)
        /// `suite: {mcp: SERVER}`: the tools of an MCP server named in the gate.
        case mcp(String)
    }

    /// The preset's name, as gates and run records refer to it.
    public var name: String
    /// What the workload exercises.
    public var description: String
    /// The tools its cases run against.
    public var suite: SuiteReference
    /// The cases, in file order.
    public var cases: [PresetCase]
    /// Where it was loaded from, for messages.
    public var sourcePath: String

    /// A preset as given; `PresetLoader` is what builds one from a file.
    public init(name: String, description: String, suite: SuiteReference, cases: [PresetCase], sourcePath: String) {
        self.name = name
        self.description = description
        self.suite = suite
        self.cases = cases
        self.sourcePath = sourcePath
    }

    /// The cases a workload's `limit` selects: the first `limit`, or all of them for 0.
    public func cases(limit: Int) -> [PresetCase] { limit > 0 ? Array(cases.prefix(limit)) : cases }
}

