import Foundation
import MCP

/// Streamable HTTP with sessions: an `initialize` without a session id opens a new MCP session
/// (its own `Server`, so its own suite state); later requests find theirs by `Mcp-Session-Id`;
/// DELETE ends it. The SDK's stateful transport handles one session, so there is one per session.
public actor HTTPSessionRouter {
    /// Makes the `Server` of one new session (and so its fresh suite state).
    public typealias ServerFactory = @Sendable () async -> Server

    private struct Session {
        var transport: StatefulHTTPServerTransport
        var server: Server
    }

    private let path: String
    private let makeServer: ServerFactory
    private var sessions: [String: Session] = [:]
    /// Open sessions are bounded so a client that never says DELETE cannot grow the server forever.
    private let maxSessions = 1024
    private var order: [String] = []

    /// A router serving MCP at `path`, one server from `makeServer` per session.
    public init(path: String = "/mcp", makeServer: @escaping ServerFactory) {
        self.path = path
        self.makeServer = makeServer
    }

    /// Answers one HTTP request: routes it to its session, opens one for an `initialize`, ends one
    /// on DELETE; anything else gets a JSON-RPC error with an HTTP status.
    public func handle(_ request: MCP.HTTPRequest) async -> MCP.HTTPResponse {
        guard request.path == path || request.path == path + "/" else {
            return .error(statusCode: 404, .invalidRequest("no MCP endpoint at \(request.path ?? "/"); use \(path)"))
        }
        if let id = request.header(HTTPHeaderName.sessionID) {
            guard let session = sessions[id] else {
                return .error(statusCode: 404, .invalidRequest("unknown or ended MCP session"))
            }
            let response = await session.transport.handleRequest(request)
            if request.method == "DELETE" { await end(id) }
            return response
        }
        guard request.method == "POST" else {
            return .error(statusCode: 400, .invalidRequest("a request without Mcp-Session-Id must be an initialize POST"))
        }
        let transport = StatefulHTTPServerTransport()
        let server = await makeServer()
        do {
            try await server.start(transport: transport)
        } catch {
            return .error(statusCode: 500, .internalError("could not start an MCP session: \(error)"))
        }
        let response = await transport.handleRequest(request)
        guard let id = response.headers[HTTPHeaderName.sessionID] else {
            await server.stop()
            return response
        }
        sessions[id] = Session(transport: transport, server: server)
        order.append(id)
        if order.count > maxSessions { await end(order[0]) }
        return response
    }

    private func end(_ id: String) async {
        guard let session = sessions.removeValue(forKey: id) else { return }
        order.removeAll { $0 == id }
        await session.server.stop()
    }
}
