import ModegateCore

/// Several suites' sessions as one: each call goes to the session that has the tool.
struct RoutedToolSession: ToolSession {
    let sessions: [any ToolSession]
    let tools: [ToolDescriptor]
    private let routes: [String: Int]

    init(_ sessions: [any ToolSession]) {
        self.sessions = sessions
        var routes: [String: Int] = [:]
        for (index, session) in sessions.enumerated() { for tool in session.tools where routes[tool.name] == nil { routes[tool.name] = index } }
        self.routes = routes
        tools = sessions.flatMap(\.tools)
    }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        guard let index = routes[name] else { return .failure("unknown tool '\(name)'") }
        return await sessions[index].call(name, arguments: arguments)
    }

    func finalState() async -> JSONValue? { nil }
}
