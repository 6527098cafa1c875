import Foundation
import ModegateCore

/// The tools of one trial over an MCP connection. The first failure of the server itself is
/// kept and makes the trial an infrastructure error: `mcp` when the server went away, `timeout`
/// when a call ran out of time on a server that still answered.
struct MCPToolSession: ToolSession {
    let tools: [ToolDescriptor]
    var readsState = false
    var closeServer: @Sendable () async -> Void = {}
    let restarts: @Sendable () async -> MCPRestarts
    let connect: @Sendable () async -> Result<MCPConnection, MCPSessionError>
    /// The trial every call names in its `_meta`; nil for none.
    var trial: String?
    private let failure = FirstValue<TrialError>()

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
            note(TrialError(category: .mcp, message: error.description))
            return .failure(error.description)
        }
        let result = await connection.call(name, arguments: arguments, trial: trial)
        if let error = result.trialError { note(error) }
        return result.reply
    }

    func finalState() async -> JSONValue? {
        guard readsState, case .success(let connection) = await connect() else { return nil }
        do {
            return try await connection.readText(uri: SuiteServer.stateURI).flatMap { try JSONValue.parse($0) }
        } catch {
            note(TrialError(category: .mcp, message: "could not read the suite's state over MCP: \(error)"))
            return nil
        }
    }

    func infrastructureFailure() async -> TrialError? { failure.first }

    func serverRestarts() async -> MCPRestarts { await restarts() }

    func close() async { await closeServer() }

    private func note(_ error: TrialError) { failure.note(error) }
}
