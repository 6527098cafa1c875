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
    /// Where each arm's per-trial servers log their stderr (nil: inherited, as `serve` alone).
    let logs: MCPServerPool?

    /// `inner` served by `executable serve`, one process per trial; `listed` holds the tools
    /// as the run found them at its start.
    /// Each trial's server logs its stderr to `logs`' folder for the trial's arm
    /// (`mcp-SUITE.stderr.log`, a marker line before each trial's server).
    public init(inner: any Suite, executable: String, environment: [String: String], listed: MCPServerHandle,
                logs: MCPServerPool? = nil) {
        self.inner = inner
        self.executable = executable
        self.environment = environment
        self.listed = listed
        self.logs = logs
    }

    /// The inner suite's name, so records read the same as in process.
    public var name: String { inner.name }
    /// The inner suite's line.
    public var summary: String { inner.summary }
    /// The tools as `tools/list` gave them at the run's start, the same for every trial.
    public var tools: [ToolDescriptor] { listed.tools }
    /// Always: every call crosses stdio MCP.
    public var overMCP: Bool { true }
    /// The server each trial starts.
    public var mcpServerName: String? { "modegate serve \(inner.name)" }

    /// The inner suite's oracle, computed in process from the same `params`.
    public func oracle(params: JSONValue) -> JSONValue? { inner.oracle(params: params) }
    /// The inner suite's expected final state, computed in process.
    public func expectedState(params: JSONValue) -> JSONValue? { inner.expectedState(params: params) }

    /// A trial's session: its first call starts `modegate serve SUITE --params …` for this
    /// trial alone; closing the session stops the process.
    public func makeSession(params: JSONValue) -> any ToolSession { session(params: params, arm: nil) }

    /// A trial's session whose server logs to the arm's run folder.
    public func makeSession(params: JSONValue, arm: ArmRole) -> any ToolSession { session(params: params, arm: arm) }

    private func session(params: JSONValue, arm: ArmRole?) -> any ToolSession {
        let server = MCPPlan.Server(command: Self.command(executable, suite: inner.name, params: params), timeoutSeconds: 60)
        let logs = self.logs
        let opener = PerTrialServer(name: inner.name, server: server, environment: environment) { await logs?.logFolder(for: arm) }
        return MCPToolSession(tools: listed.tools, readsState: true, close: { await opener.close() }) { await opener.connection() }
    }

    /// One trial's server command: `EXECUTABLE serve SUITE --params JSON`.
    public static func command(_ executable: String, suite: String, params: JSONValue) -> [String] {
        [executable, "serve", suite, "--params", params.jsonText]
    }
}
