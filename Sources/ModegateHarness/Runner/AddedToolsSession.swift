import Foundation
import ModegateCore

/// A trial's tools when its arm adds MCP servers (`mcp_servers`): the case's suite first, then
/// each added server's tools, calls routed by name. A name an earlier source already offers stays
/// with that source (the pre-flight warns); the suite's state and scoring are the suite's alone.
struct AddedToolsSession: ToolSession {
    private let primary: any ToolSession
    private let added: [(server: String, session: any ToolSession)]
    /// Tool name → index into `added`; names absent here are the primary's.
    private let routes: [String: Int]
    let tools: [ToolDescriptor]

    init(primary: any ToolSession, added: [(server: String, session: any ToolSession)]) {
        self.primary = primary
        self.added = added
        var names = Set(primary.tools.map(\.name))
        var tools = primary.tools
        var routes: [String: Int] = [:]
        for (index, source) in added.enumerated() {
            for tool in source.session.tools where names.insert(tool.name).inserted {
                tools.append(tool)
                routes[tool.name] = index
            }
        }
        self.tools = tools
        self.routes = routes
    }

    /// The tool names each added server contributes after the suite's and earlier servers' own,
    /// and the names it loses to them: what the pre-flight reports.
    static func shadowed(primary: [ToolDescriptor], added: [(server: String, tools: [ToolDescriptor])]) -> [String] {
        var names = Set(primary.map(\.name))
        var warnings: [String] = []
        for source in added {
            let lost = source.tools.map(\.name).filter { !names.insert($0).inserted }
            if !lost.isEmpty {
                warnings.append("MCP server \(source.server) offers \(lost.sorted().joined(separator: ", ")), which the arm already has from its presets or an earlier server; the first source keeps the name")
            }
        }
        return warnings
    }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        guard let index = routes[name] else { return await primary.call(name, arguments: arguments) }
        return await added[index].session.call(name, arguments: arguments)
    }

    /// The added server whose tool `name` is; nil for the primary's.
    func server(of name: String) -> String? { routes[name].map { added[$0].server } }

    /// The added servers, in order.
    var servers: [String] { added.map(\.server) }

    func finalState() async -> JSONValue? { await primary.finalState() }

    func infrastructureFailure() async -> TrialError? {
        if let failure = await primary.infrastructureFailure() { return failure }
        for source in added {
            if let failure = await source.session.infrastructureFailure() { return failure }
        }
        return nil
    }

    func serverRestarts() async -> MCPRestarts {
        var restarts = await primary.serverRestarts()
        for source in added { restarts.add(await source.session.serverRestarts()) }
        return restarts
    }

    func close() async {
        await primary.close()
        for source in added { await source.session.close() }
    }
}
