import ModegateCore
@testable import ModegateHarness
import Testing

@Suite struct CodeModeRolesTests {
    static func tools(_ names: String...) -> [ToolDescriptor] {
        names.map { ToolDescriptor(name: $0, description: "", inputSchema: ["type": "object"]) }
    }

    @Test func knownNamesMapByRole() throws {
        let toolplane = try CodeModeRoles.resolve(
            server: "tp", tools: Self.tools("search_capabilities", "get_capability_schemas", "execute_code"), given: .init())
        #expect(toolplane.execute == "execute_code" && toolplane.search == "search_capabilities"
                && toolplane.describe == "get_capability_schemas")
        let utcp = try CodeModeRoles.resolve(server: "u", tools: Self.tools("call_tool_chain", "search_tools", "tool_info"), given: .init())
        #expect(utcp.execute == "call_tool_chain" && utcp.search == "search_tools" && utcp.describe == "tool_info")
        let bare = try CodeModeRoles.resolve(server: "b", tools: Self.tools("run_code"), given: .init())
        #expect(bare.execute == "run_code" && bare.search == nil && bare.describe == nil)
    }

    @Test func namesGivenInTheGateWin() throws {
        let roles = try CodeModeRoles.resolve(
            server: "x", tools: Self.tools("exec_js", "find", "execute_code"), given: .init(execute: "exec_js", search: "find"))
        #expect(roles.execute == "exec_js" && roles.search == "find" && roles.describe == nil)
    }

    @Test func aServerWithoutAnExecuteToolIsAClearError() {
        #expect {
            _ = try CodeModeRoles.resolve(server: "plain", tools: Self.tools("get_time"), given: .init())
        } throws: { "\($0)".contains("candidate.mcp_roles.execute") && "\($0)".contains("get_time") }
        #expect {
            _ = try CodeModeRoles.resolve(server: "x", tools: Self.tools("execute_code"), given: .init(search: "lookup"))
        } throws: { "\($0)".contains("mcp_roles.search is 'lookup'") }
    }
}
