import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Logging
import MCP

/// MCP's streamable HTTP transport, client side: every message is a POST; the server answers a
/// request with JSON or with a server-sent-event stream, and a notification with 202.
///
/// The SDK's HTTP transport cannot read SSE on Linux, so this one parses it. It keeps the session
/// the server assigns (`Mcp-Session-Id`), sends the negotiated `MCP-Protocol-Version` after
/// `initialize`, and ends the session with DELETE when it disconnects.
public actor StreamableHTTPTransport: Transport {
    public nonisolated let logger: Logger
    private let endpoint: URL
    private let headers: [String: String]
    private let session: URLSession
    private let stream: AsyncThrowingStream<Data, Swift.Error>
    private let continuation: AsyncThrowingStream<Data, Swift.Error>.Continuation
    private var sessionID: String?
    private var protocolVersion: String?
    private var closed = false

    /// `headers` are sent with every request (authorization, from the gate's `headers_env`).
    public init(endpoint: URL, headers: [String: String] = [:], requestTimeout: TimeInterval, logger: Logger? = nil) {
        self.endpoint = endpoint
        self.headers = headers
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = requestTimeout
        configuration.httpMaximumConnectionsPerHost = 32
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        session = URLSession(configuration: configuration)
        self.logger = logger ?? Logger(label: "modegate.mcp.http", factory: { _ in SwiftLogNoOpLogHandler() })
        (stream, continuation) = AsyncThrowingStream<Data, Swift.Error>.makeStream()
    }

    public func connect() async throws {}

    public func disconnect() async {
        guard !closed else { return }
        closed = true
        // Ended with an error: the SDK client's receive loop asks for the stream again when it
        // ends cleanly, and would spin on a finished one.
        continuation.finish(throwing: MCPTransportError.closed("the connection is closed"))
        if let sessionID {
            var request = URLRequest(url: endpoint)
            request.httpMethod = "DELETE"
            request.timeoutInterval = 2
            request.setValue(sessionID, forHTTPHeaderField: "Mcp-Session-Id")
            for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
            _ = try? await session.data(for: request)
        }
        session.finishTasksAndInvalidate()
    }

    public func send(_ data: Data) async throws {
        guard !closed else { throw MCPTransportError.closed("the connection is closed") }
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.httpBody = data
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("application/json, text/event-stream", forHTTPHeaderField: "Accept")
        for (name, value) in headers { request.setValue(value, forHTTPHeaderField: name) }
        if let sessionID { request.setValue(sessionID, forHTTPHeaderField: "Mcp-Session-Id") }
        if let protocolVersion { request.setValue(protocolVersion, forHTTPHeaderField: "MCP-Protocol-Version") }

        let (body, response): (Data, URLResponse)
        do {
            (body, response) = try await session.data(for: request)
        } catch {
            throw MCPTransportError.closed("cannot reach \(endpoint.absoluteString): \(error.localizedDescription)")
        }
        guard let http = response as? HTTPURLResponse else {
            throw MCPTransportError.closed("\(endpoint.absoluteString) gave no HTTP response")
        }
        if let assigned = http.value(forHTTPHeaderField: "Mcp-Session-Id"), !assigned.isEmpty { sessionID = assigned }
        switch http.statusCode {
        case 200..<300:
            break
        case 404 where sessionID != nil:
            throw MCPTransportError.http(status: 404, detail: "the server ended the MCP session")
        default:
            throw MCPTransportError.http(
                status: http.statusCode, detail: String(decoding: body.prefix(300), as: UTF8.self))
        }
        guard !body.isEmpty else { return }
        let contentType = http.value(forHTTPHeaderField: "Content-Type")?.lowercased() ?? ""
        let messages = contentType.hasPrefix("text/event-stream") ? ServerSentEvents.messages(in: body) : [body]
        for message in messages {
            noteNegotiatedVersion(message)
            continuation.yield(message)
        }
    }

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

/// The `data` of each `message` event in a server-sent-event body (WHATWG's event-stream format).
enum ServerSentEvents {
    static func messages(in body: Data) -> [Data] {
        var messages: [Data] = []
        var data: [Substring] = []
        var event = "message"
        let text = String(decoding: body, as: UTF8.self)
        func dispatch() {
            // Priming events (an id and an empty data line) carry no message.
            let joined = data.joined(separator: "\n")
            if event == "message", !joined.allSatisfy(\.isWhitespace) { messages.append(Data(joined.utf8)) }
            data.removeAll()
            event = "message"
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                dispatch()
                continue
            }
            if line.hasPrefix(":") { continue }
            let field: Substring
            var value: Substring = ""
            if let colon = line.firstIndex(of: ":") {
                field = line[..<colon]
                value = line[line.index(after: colon)...]
                if value.hasPrefix(" ") { value = value.dropFirst() }
            } else {
                field = line
            }
            switch field {
            case "data": data.append(value)
            case "event": event = value.isEmpty ? "message" : String(value)
            default: break
            }
        }
        dispatch()
        return messages
    }
}
