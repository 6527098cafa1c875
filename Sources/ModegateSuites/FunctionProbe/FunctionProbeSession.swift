import ModegateCore

/// The probe tools: stateless, each call a pure function of its arguments.
struct FunctionProbeSession: ToolSession {
    var tools: [ToolDescriptor] { FunctionProbeSuite.descriptors }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        guard tools.contains(where: { $0.name == name }) else { return SessionReplies.unknownTool(name, in: tools) }
        return SessionReplies.reply { ["result": try Self.evaluate(name, arguments)] }
    }

    func finalState() async -> JSONValue? { nil }

    static func evaluate(_ name: String, _ arguments: JSONValue) throws -> JSONValue {
        switch name {
        case "caesar":
            let args = try ToolArguments(arguments, tool: name, allowed: ["text", "shift"])
            return .string(ProbeFunctions.caesar(try args.string("text"), shift: try args.int("shift")))
        case "digital_root", "collatz_steps":
            let n = try ToolArguments(arguments, tool: name, allowed: ["n"]).int("n")
            let result = name == "digital_root" ? try ProbeFunctions.digitalRoot(n) : try ProbeFunctions.collatzSteps(n)
            return .number(Double(result))
        default:
            let text = try ToolArguments(arguments, tool: name, allowed: ["text"]).string("text")
            switch name {
            case "vowel_count": return .number(Double(ProbeFunctions.vowelCount(text)))
            case "reverse_words": return .string(ProbeFunctions.reverseWords(text))
            case "checksum": return .string(ProbeFunctions.checksum(text))
            case "run_length": return .string(ProbeFunctions.runLength(text))
            case "slugify": return .string(ProbeFunctions.slugify(text))
            default: throw ToolFailure("unknown tool '\(name)'")
            }
        }
    }
}
