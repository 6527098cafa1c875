/// A tool call the harness makes on the trial's own session before the first turn (`setup:`):
/// a stateful server loads the case's initial state. The tool is never shown to either arm.
public struct CaseSetup: Sendable, Hashable, Codable {
    /// The tool to call.
    public var tool: String
    /// Its arguments.
    public var arguments: JSONValue

    /// A setup call as given.
    public init(tool: String, arguments: JSONValue = .object([:])) {
        self.tool = tool
        self.arguments = arguments
    }
}
