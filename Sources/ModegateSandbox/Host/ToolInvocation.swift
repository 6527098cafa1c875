import ModegateCore

/// A call a program made, as the host sees it.
public struct ToolInvocation: Sendable, Hashable, Codable {
    public var id: Int
    public var name: String
    public var arguments: JSONValue

    public init(id: Int, name: String, arguments: JSONValue) {
        self.id = id
        self.name = name
        self.arguments = arguments
    }
}
