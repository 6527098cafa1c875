import Foundation
import ModegateCore

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
