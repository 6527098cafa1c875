import Foundation
import ModegateCore

/// The tools of one trial over an MCP connection. Failures of the server itself are kept and
/// make the trial an `mcp` infrastructure error.
struct MCPToolSession: ToolSession {
    let tools: [ToolDescriptor]
    var readsState = false
    var closeServer: @Sendable () async -> Void = {}
    let restarts: @Sendable () async -> MCPRestarts
    let connect: @Sendable () async -> Result<MCPConnection, MCPSessionError>
    private let failure = FirstMessage()

    init(tools: [ToolDescriptor], readsState: Bool = false, close: @escaping @Sendable () async -> Void = {},
         restarts: @escaping @Sendable () async -> MCPRestarts = { MCPRestarts() },
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

    func serverRestarts() async -> MCPRestarts { await restarts() }

    func close() async { await closeServer() }
}
