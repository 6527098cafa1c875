import Foundation
import ModegateCore
import ModegateProviders
import ModegateMCP

/// A preset's `suite: {mcp: SERVER}`: the tools a gate's MCP server lists, called on that server
/// by both arms. Such a suite has no oracle, so its cases state their expected answers.
struct MCPServerSuite: Suite {
    let server: MCPServerHandle

    var name: String { server.name }
    var summary: String { "the tools of MCP server '\(server.name)'" }
    var tools: [ToolDescriptor] { server.tools }
    var overMCP: Bool { true }

    func makeSession(params: JSONValue) -> any ToolSession {
        let trial = SharedServerTrial(server: server)
        return MCPToolSession(tools: server.tools, restarts: { await trial.restarts }) { await trial.connection() }
    }
}

/// The shared server as one trial uses it: the connection leased at the trial's first call,
/// kept to its end. A trial whose server dies under it fails; the next trial leases a fresh one.
actor SharedServerTrial {
    let server: MCPServerHandle
    private var leased: Result<MCPServerHandle.Lease, MCPSessionError>?

    init(server: MCPServerHandle) { self.server = server }

    func connection() async -> Result<MCPConnection, MCPSessionError> {
        if leased == nil { leased = await server.lease() }
        return leased!.map(\.connection)
    }

    /// This trial's restart of the server, if its first call found the server dead.
    var restarts: [String: Int] {
        if case .success(let lease)? = leased, lease.restarted { return [server.name: 1] }
        return [:]
    }
}

/// A built-in suite reached over MCP (`tools: {transport: mcp_stdio}`): every trial gets its own
/// `modegate serve SUITE --params …` process, so state starts fresh as in process, and a
/// stateful suite's final state is read back as the resource `modegate://state`.
struct ServedSuite: Suite {
    let inner: any Suite
    let executable: String
    /// What the per-trial servers inherit (the run's environment).
    let environment: [String: String]
    /// The tools as `tools/list` gave them when the run started.
    let listed: MCPServerHandle

    var name: String { inner.name }
    var summary: String { inner.summary }
    var tools: [ToolDescriptor] { listed.tools }
    var overMCP: Bool { true }

    func oracle(params: JSONValue) -> JSONValue? { inner.oracle(params: params) }
    func expectedState(params: JSONValue) -> JSONValue? { inner.expectedState(params: params) }

    func makeSession(params: JSONValue) -> any ToolSession {
        let server = MCPPlan.Server(command: Self.command(executable, suite: inner.name, params: params), timeoutSeconds: 60)
        let opener = PerTrialServer(name: inner.name, server: server, environment: environment)
        return MCPToolSession(tools: listed.tools, readsState: true, close: { await opener.close() }) { await opener.connection() }
    }

    static func command(_ executable: String, suite: String, params: JSONValue) -> [String] {
        [executable, "serve", suite, "--params", params.jsonText]
    }
}

/// A server started for one trial, on its first call.
actor PerTrialServer {
    let name: String
    let server: MCPPlan.Server
    let environment: [String: String]
    private var opened: Result<MCPConnection, MCPSessionError>?

    init(name: String, server: MCPPlan.Server, environment: [String: String]) {
        self.name = name
        self.server = server
        self.environment = environment
    }

    func connection() async -> Result<MCPConnection, MCPSessionError> {
        if let opened { return opened }
        do {
            opened = .success(try await MCPConnection.open(
                name: name, server: server, environment: environment, logFolder: nil))
        } catch {
            opened = .failure(.cannotStart("\(error)"))
        }
        return opened!
    }

    func close() async {
        if case .success(let connection)? = opened { await connection.close() }
    }
}

/// The tools of one trial over an MCP connection. Failures of the server itself are kept and
/// make the trial an `mcp` infrastructure error.
struct MCPToolSession: ToolSession {
    let tools: [ToolDescriptor]
    var readsState = false
    var closeServer: @Sendable () async -> Void = {}
    let restarts: @Sendable () async -> [String: Int]
    let connect: @Sendable () async -> Result<MCPConnection, MCPSessionError>
    private let failure = FirstMessage()

    init(tools: [ToolDescriptor], readsState: Bool = false, close: @escaping @Sendable () async -> Void = {},
         restarts: @escaping @Sendable () async -> [String: Int] = { [:] },
         connect: @escaping @Sendable () async -> Result<MCPConnection, MCPSessionError>) {
        self.tools = tools
        self.readsState = readsState
        self.closeServer = close
        self.restarts = restarts
        self.connect = connect
    }

    func call(_ name: String, arguments: JSONValue) async -> ToolReply {
        let connection: MCPConnection
        switch await connect() {
        case .success(let opened): connection = opened
        case .failure(let error):
            failure.note(error.description)
            return .failure(error.description)
        }
        let result = await connection.call(name, arguments: arguments)
        if let serverFailure = result.serverFailure { failure.note(serverFailure) }
        return result.reply
    }

    func finalState() async -> JSONValue? {
        guard readsState, case .success(let connection) = await connect() else { return nil }
        do {
            return try await connection.readText(uri: SuiteServer.stateURI).flatMap { try JSONValue.parse($0) }
        } catch {
            failure.note("could not read the suite's state over MCP: \(error)")
            return nil
        }
    }

    func infrastructureFailure() async -> String? { failure.first }

    func serverRestarts() async -> [String: Int] { await restarts() }

    func close() async { await closeServer() }
}

/// Why a trial has no connection to its tools' server.
enum MCPSessionError: Error, CustomStringConvertible {
    case notOpen(String)
    case cannotStart(String)

    var description: String {
        switch self {
        case .notOpen(let name): "MCP server '\(name)' is not connected"
        case .cannotStart(let reason): reason
        }
    }
}
