import Foundation
import ModegateCore

/// A built-in suite reached over MCP (`tools: {transport: mcp_stdio}`): every trial gets its own
/// `modegate serve SUITE --params …` process, so state starts fresh as in process, and a
/// stateful suite's final state is read back as the resource `modegate://state`.
public struct ServedSuite: Suite {
    let inner: any Suite
    let executable: String
    /// What the per-trial servers inherit (the run's environment).
    let environment: [String: String]
    /// The tools as `tools/list` gave them when the run started.
    let listed: MCPServerHandle

    /// `inner` served by `executable serve`, one process per trial; `listed` holds the tools
    /// as the run found them at its start.
    public init(inner: any Suite, executable: String, environment: [String: String], listed: MCPServerHandle) {
        self.inner = inner
        self.executable = executable
        self.environment = environment
        self.listed = listed
    }

    public var name: String { inner.name }
    public var summary: String { inner.summary }
    public var tools: [ToolDescriptor] { listed.tools }
    public var overMCP: Bool { true }

    public func oracle(params: JSONValue) -> JSONValue? { inner.oracle(params: params) }
    public func expectedState(params: JSONValue) -> JSONValue? { inner.expectedState(params: params) }

    public func makeSession(params: JSONValue) -> any ToolSession {
        let server = MCPPlan.Server(command: Self.command(executable, suite: inner.name, params: params), timeoutSeconds: 60)
        let opener = PerTrialServer(name: inner.name, server: server, environment: environment)
        return MCPToolSession(tools: listed.tools, readsState: true, close: { await opener.close() }) { await opener.connection() }
    }

    public static func command(_ executable: String, suite: String, params: JSONValue) -> [String] {
        [executable, "serve", suite, "--params", params.jsonText]
    }
}
