import Foundation
import Logging
import MCP
import ModegateHTTP

/// MCP's streamable HTTP transport, client side: every message is a POST; the server answers a
/// request with JSON or with a server-sent-event stream, and a notification with 202.
///
/// The SDK's HTTP transport cannot read SSE on Linux, so this one parses it, handing each message
/// on as its event arrives (over libcurl: waiting costs no CPU). It keeps the session
/// the server assigns (`Mcp-Session-Id`), sends the negotiated `MCP-Protocol-Version` after
/// `initialize`, and ends the session with DELETE when it disconnects.
public actor StreamableHTTPTransport: Transport {
    /// The SDK's logger; a no-op unless one is given.
    public nonisolated let logger: Logger
    private let endpoint: URL
    private let headers: [String: String]
    private let http: HTTPClient
    private let requestTimeout: TimeInterval
    private let stream: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private var sessionID: String?
    private var protocolVersion: String?
    private var closed = false

    /// `headers` are sent with every request (authorization, from the gate's `headers_env`).
    public init(endpoint: URL, headers: [String: String] = [:], requestTimeout: TimeInterval, logger: Logger? = nil) {
        self.endpoint = endpoint
        self.headers = headers
        self.requestTimeout = requestTimeout
        http = HTTPClient(connectTimeoutSeconds: min(requestTimeout, 30))
        self.logger = logger ?? Logger(label: "modegate.mcp.http", factory: { _ in SwiftLogNoOpLogHandler() })
        (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
    }

    /// Nothing to open: each message is a request of its own.
    public func connect() async throws {}

    /// Ends the stream of incoming messages and the server's session (DELETE).
    public func disconnect() async {
        guard !closed else { return }
        closed = true
        // Ended with an error: the SDK client's receive loop asks for the stream again when it
        // ends cleanly, and would spin on a finished one.
        continuation.finish(throwing: MCPTransportError.closed("the connection is closed"))
        if let sessionID {
            var request = HTTPRequest(method: "DELETE", url: endpoint, timeoutSeconds: 2)
            for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request.setHeader(name, value) }
            request.setHeader("Mcp-Session-Id", sessionID)
            _ = try? await http.send(request)
        }
    }

    /// POSTs one message; the answer (JSON, or each event of an SSE stream) goes to `receive()`.
    /// Throws `MCPTransportError` for an HTTP error status or a transport failure.
    public func send(_ data: Data) async throws {
        guard !closed else { throw MCPTransportError.closed("the connection is closed") }
        var request = HTTPRequest(url: endpoint, body: data, timeoutSeconds: requestTimeout)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { request.setHeader(name, value) }
        request.setHeader("Content-Type", "application/json")
        request.setHeader("Accept", "application/json, text/event-stream")
        if let sessionID { request.setHeader("Mcp-Session-Id", sessionID) }
        if let protocolVersion { request.setHeader("MCP-Protocol-Version", protocolVersion) }

        let response: HTTPStreamingResponse
        do {
            response = try await http.stream(request)
        } catch let error as HTTPTransportError {
            throw MCPTransportError.closed("cannot reach \(endpoint.absoluteString): \(error)")
        }
        if let assigned = response.head.value(forHeader: "Mcp-Session-Id"), !assigned.isEmpty { sessionID = assigned }
        switch response.head.status {
        case 200..<300:
            break
        case 404 where sessionID != nil:
            throw MCPTransportError.http(status: 404, detail: "the server ended the MCP session")
        default:
            let body = (try? await Self.collect(response.body, limit: 300)) ?? Data()
            throw MCPTransportError.http(status: response.head.status, detail: String(decoding: body.prefix(300), as: UTF8.self))
        }
        let contentType = response.head.value(forHeader: "Content-Type")?.lowercased() ?? ""
        do {
            if contentType.hasPrefix("text/event-stream") {
                var parser = ServerSentEventParser()
                for try await piece in response.body {
                    for message in parser.feed(piece) { deliver(message) }
                }
                for message in parser.finish() { deliver(message) }
            } else {
                let body = try await Self.collect(response.body, limit: nil)
                if !body.isEmpty { deliver(body) }
            }
        } catch let error as HTTPTransportError {
            throw MCPTransportError.closed("\(endpoint.absoluteString) broke off its answer: \(error)")
        }
    }

    private func deliver(_ message: Data) {
        noteNegotiatedVersion(message)
        continuation.yield(message)
    }

    /// A body read to its end, or to its first `limit` bytes.
    private static func collect(_ body: AsyncThrowingStream<Data, Error>, limit: Int?) async throws -> Data {
        var data = Data()
        for try await piece in body {
            data.append(piece)
            if let limit, data.count >= limit { break }
        }
        return data
    }

    /// Every message the server sends back, in arrival order.
    public func receive() -> AsyncThrowingStream<Data, Swift.Error> { stream }

    /// The `initialize` result's protocol version, sent as a header from then on (the SDK's
    /// client only does this for its own HTTP transport).
    private func noteNegotiatedVersion(_ message: Data) {
        guard protocolVersion == nil,
            let object = try? JSONSerialization.jsonObject(with: message) as? [String: Any],
            let result = object["result"] as? [String: Any], let version = result["protocolVersion"] as? String
        else { return }
        protocolVersion = version
    }
}

