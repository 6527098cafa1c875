import ModegateCore

/// The smoke tools; stateless.
struct SmokeSession: ToolSession {
    var tools: [ToolDescriptor] { SmokeSuite.descriptors }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        switch name {
        case "add":
            return SessionReplies.reply {
                let args = try ToolArguments(arguments, tool: name, allowed: ["a", "b"])
                guard let a = args.members["a"]?.doubleValue, let b = args.members["b"]?.doubleValue else {
                    throw ToolFailure("add: arguments 'a' and 'b' must be numbers")
                }
                return ["sum": .number(a + b)]
            }
        case "echo":
            return SessionReplies.reply {
                let text = try ToolArguments(arguments, tool: name, allowed: ["text"]).string("text")
                return ["text": .string(text), "length": .number(Double(text.count))]
            }
        case "lookup":
            return SessionReplies.reply {
                let user = try ToolArguments(arguments, tool: name, allowed: ["user"]).string("user")
                guard let row = SmokeSuite.directory[user] else { throw ToolFailure("lookup: no user '\(user)'") }
                return row
            }
        default:
            return SessionReplies.unknownTool(name, in: tools)
        }
    }

    func finalState() async -> JSONValue? { nil }
}
