import ModegateCore

/// Three tiny tools for fast checks of the whole pipeline: arithmetic, an echo and a keyed
/// look-up that fails on an unknown key. No params, no state.
public struct SmokeSuite: Suite {
    /// The suite; it takes no params.
    public init() {}

    /// `smoke`, as presets name it.
    public let name = "smoke"
    /// One line for listings.
    public let summary = "Tiny arithmetic, echo and look-up tools for fast end-to-end checks."

    /// The look-up table, fixed so smoke cases can state their expected answers literally.
    static let directory: [String: JSONValue] = [
        "ada": ["name": "Ada Lovelace", "team": "analytics", "extension": 1815],
        "grace": ["name": "Grace Hopper", "team": "compilers", "extension": 1906],
        "alan": ["name": "Alan Turing", "team": "research", "extension": 1912],
    ]

    /// `add`, `echo` and `lookup`.
    public var tools: [ToolDescriptor] { Self.descriptors }

    static let descriptors = [
        ToolDescriptor(
            name: "add", description: "Adds two numbers and returns {sum}.",
            inputSchema: InputSchema.object(
                ["a": ["type": "number", "description": "First addend."],
                 "b": ["type": "number", "description": "Second addend."]],
                required: ["a", "b"]),
            outputSchema: OutputSchema.object(["sum": OutputSchema.number])),
        ToolDescriptor(
            name: "echo", description: "Returns its text unchanged as {text}, with its length in characters as {length}.",
            inputSchema: InputSchema.object(["text": InputSchema.string("Text to echo.")], required: ["text"]),
            outputSchema: OutputSchema.object(["text": OutputSchema.string, "length": OutputSchema.integer])),
        ToolDescriptor(
            name: "lookup",
            description: "Looks up a colleague by user name (e.g. 'ada') and returns {name, team, extension}; fails for an unknown user.",
            inputSchema: InputSchema.object(["user": InputSchema.string("User name, lower case.")], required: ["user"]),
            outputSchema: OutputSchema.object(["name": OutputSchema.string, "team": OutputSchema.string, "extension": OutputSchema.integer])),
    ]

    /// A session over the fixed directory; `params` are ignored.
    public func makeSession(params: JSONValue) -> any ToolSession { SmokeSession() }
}
