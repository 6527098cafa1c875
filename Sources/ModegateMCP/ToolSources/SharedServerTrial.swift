import Foundation
import ModegateCore

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
    var restarts: MCPRestarts {
        var restarts = MCPRestarts()
        if case .success(let lease)? = leased, let reason = lease.restart { restarts.add(server.name, reason) }
        return restarts
    }
}
