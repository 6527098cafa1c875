import ModegateCore

/// A small suite for `modegate exec --suite demo` and the sandbox's tests, until the built-in
/// suites arrive: arithmetic, an echo, a keyed lookup that can fail, and a tool that always fails.
public enum DemoTools {
    /// The rows `lookup` finds, by key.
    public static let table: [String: JSONValue] = [
        "alpha": ["id": 1, "owner": "ada"], "beta": ["id": 2, "owner": "grace"], "gamma": ["id": 3, "owner": "alan"],
    ]

    /// The four tools as closures: `add`, `echo`, `lookup` and `fail`.
    public static var handler: ToolClosures {
        ToolClosures([
            "add": { arguments in
                guard let a = arguments["a"]?.doubleValue, let b = arguments["b"]?.doubleValue else {
                    throw DemoToolError("add needs numbers a and b")
                }
                return .number(a + b)
            },
            "echo": { arguments in arguments },
            "lookup": { arguments in
                guard let key = arguments["key"]?.stringValue else { throw DemoToolError("lookup needs a string key") }
                guard let row = table[key] else { throw DemoToolError("no row with key '\(key)'") }
                return row
            },
            "fail": { arguments in throw DemoToolError(arguments["message"]?.stringValue ?? "this tool always fails") },
        ])
    }
}

struct DemoToolError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }
}
