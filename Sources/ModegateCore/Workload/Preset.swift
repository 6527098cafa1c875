/// A named workload: a suite plus cases (DESIGN §4), loaded from `presets/*.yaml` or a user file.
public struct Preset: Sendable, Hashable, Codable {
    public enum SuiteReference: Sendable, Hashable, Codable {
        case builtin(String)
        /// `suite: {mcp: SERVER}`: the tools of an MCP server named in the gate.
        case mcp(String)
    }

    public var name: String
    public var description: String
    public var suite: SuiteReference
    public var cases: [PresetCase]
    /// Where it was loaded from, for messages.
    public var sourcePath: String

    public init(name: String, description: String, suite: SuiteReference, cases: [PresetCase], sourcePath: String) {
        self.name = name
        self.description = description
        self.suite = suite
        self.cases = cases
        self.sourcePath = sourcePath
    }
}
