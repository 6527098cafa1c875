import ModegateCore

/// A call a program made, as the host sees it.
public struct ToolInvocation: Sendable, Hashable, Codable {
    /// The program's own number for the call, unique within the program.
    public var id: Int
    /// The tool called.
    public var name: String
    /// The arguments the program passed.
    public var arguments: JSONValue

    /// A call as given.
    public init(id: Int, name: String, arguments: JSONValue) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
