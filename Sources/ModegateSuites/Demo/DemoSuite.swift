import ModegateCore

/// The small suite of `modegate exec --suite demo` and the sandbox's tests: arithmetic, an echo,
/// a keyed lookup that can fail, and a tool that always fails. It answers with bare values
/// (`add` returns a number, `echo` its arguments), so programs see exactly what they sent. Not a
/// preset's suite: no cases use it.
public struct DemoSuite: Suite {
    /// The demo suite.
    public init() {}

    /// `demo`, as `exec --suite` names it.
    public let name = "demo"
    /// One line for listings.
    public let summary = "Arithmetic, an echo, a keyed lookup and a failing tool, for trying programs with `exec`."

    /// The rows `lookup` finds, by key.
    public static let table: [String: JSONValue] = [
        "alpha": ["id": 1, "owner": "ada"], "beta": ["id": 2, "owner": "grace"], "gamma": ["id": 3, "owner": "alan"],
    ]

    /// `add`, `echo`, `lookup` and `fail`.
    public var tools: [ToolDescriptor] { Self.descriptors }

    static let descriptors = [
        ToolDescriptor(
            name: "add", description: "Adds two numbers and returns the sum.",
            inputSchema: InputSchema.object(["a": ["type": "number"], "b": ["type": "number"]], required: ["a", "b"])),
        ToolDescriptor(
            name: "echo", description: "Returns its arguments unchanged.", inputSchema: ["type": "object"]),
        ToolDescriptor(
            name: "lookup", description: "The row with the given key (alpha, beta or gamma); fails for another key.",
            inputSchema: InputSchema.object(["key": InputSchema.string("The row's key.")], required: ["key"])),
        ToolDescriptor(
            name: "fail", description: "Always fails, with the given message.",
            inputSchema: InputSchema.object(["message": InputSchema.string("The failure's message.")], required: [])),
    ]

    /// A stateless session; `params` are ignored.
    public func makeSession(params: JSONValue) -> any ToolSession { DemoSession() }
}
