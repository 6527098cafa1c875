import ModegateCore

/// Which of a Code Mode server's tools runs programs, searches and describes.
struct CodeModeRoles: Sendable {
    var execute: String
    var search: String?
    var describe: String?

    static let knownExecute = ["call_tool_chain", "execute_code", "run_code"]
    static let knownSearch = ["search_tools", "search_capabilities"]
    static let knownDescribe = ["tool_info", "get_capability_schemas"]

    /// Names the gate gives win; otherwise the first known name the server lists.
    static func resolve(server: String, tools: [ToolDescriptor], given: ArmPlan.Roles) throws -> CodeModeRoles {
        let names = Set(tools.map(\.name))
        func pick(_ role: String, _ given: String?, _ known: [String]) throws -> String? {
            if let given {
                guard names.contains(given) else {
                    throw HarnessError.mcpUnavailable(
                        "candidate.mcp_roles.\(role) is '\(given)', but MCP server '\(server)' lists no such tool (it lists: \(names.sorted().joined(separator: ", ")))")
                }
                return given
            }
            return known.first { names.contains($0) }
        }
        guard let execute = try pick("execute", given.execute, knownExecute) else {
            throw HarnessError.mcpUnavailable(
                "MCP server '\(server)' offers none of \(knownExecute.joined(separator: ", ")) to run code; name its tool in candidate.mcp_roles.execute (it lists: \(names.sorted().joined(separator: ", ")))")
        }
        return CodeModeRoles(
            execute: execute, search: try pick("search", given.search, knownSearch),
            describe: try pick("describe", given.describe, knownDescribe))
    }
}
