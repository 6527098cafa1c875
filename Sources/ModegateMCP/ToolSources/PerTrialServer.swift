import Foundation
import ModegateCore

/// A server started for one trial, on its first call.
actor PerTrialServer {
    let name: String
    let server: MCPPlan.Server
    let environment: [String: String]
    /// The folder its stderr log goes to, asked when it starts; nil leaves stderr inherited.
    let logFolder: @Sendable () async -> URL?
    private var opened: Result<MCPConnection, MCPSessionError>?

    init(name: String, server: MCPPlan.Server, environment: [String: String],
         logFolder: @escaping @Sendable () async -> URL? = { nil }) {
        self.name = name
        self.server = server
        self.environment = environment
        self.logFolder = logFolder
    }

    func connection() async -> Result<MCPConnection, MCPSessionError> {
        if let opened { return opened }
        do {
            // Trials' servers share the arm's log, so each start is marked.
            let note = "--- modegate: a trial's server of '\(name)' at \(ISO8601Timestamp.format(Date())) ---"
            opened = .success(try await MCPConnection.open(
                name: name, server: server, environment: environment, logFolder: await logFolder(), startNote: note))
        } catch {
            opened = .failure(.cannotStart("\(error)"))
        }
        return opened!
    }

    func close() async {
        if case .success(let connection)? = opened { await connection.close() }
    }
}
