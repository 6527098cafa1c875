import ModegateCore

/// The demo tools; stateless. Failures carry the message a program's rejected call shows.
struct DemoSession: ToolSession {
    var tools: [ToolDescriptor] { DemoSuite.descriptors }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        switch name {
        case "add":
            guard let a = arguments["a"]?.doubleValue, let b = arguments["b"]?.doubleValue else {
                return .failure("add needs numbers a and b")
            }
            return .value(.number(a + b))
        case "echo":
            return .value(arguments)
        case "lookup":
            guard let key = arguments["key"]?.stringValue else { return .failure("lookup needs a string key") }
            guard let row = DemoSuite.table[key] else { return .failure("no row with key '\(key)'") }
            return .value(row)
        case "fail":
            return .failure(arguments["message"]?.stringValue ?? "this tool always fails")
        default:
            return .failure("unknown tool '\(name)'")
        }
    }

    func finalState() async -> JSONValue? { nil }
}
