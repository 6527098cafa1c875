import Foundation
import MCP
import NIOCore
import NIOHTTP1
import NIOPosix

/// A small HTTP/1.1 server on 127.0.0.1 for the SDK's framework-agnostic HTTP server transports:
/// each request is read whole, handed over as an `MCP.HTTPRequest`, and the `HTTPResponse` is
/// written back, server-sent-event streams chunk by chunk as they come. Keep-alive connections.
public struct LoopbackHTTPServer: Sendable {
    /// Answers one request; called concurrently for requests on different connections.
    public typealias Handler = @Sendable (MCP.HTTPRequest) async -> MCP.HTTPResponse

    /// Largest request body accepted (MCP requests are small; this bounds a hostile client).
    static let maxBodyBytes = 16 << 20

    let handler: Handler

    /// A server whose every request goes to `handler`.
    public init(handler: @escaping Handler) { self.handler = handler }

    /// Serves on a free port of 127.0.0.1 for the rest of the process (benchmarks and test
    /// peers); returns once bound, with the port.
    public func startInBackground() async throws -> Int {
        let (ports, bound) = AsyncStream.makeStream(of: Int.self)
        Task { try await run(port: 0) { bound.yield($0); bound.finish() } }
        for await port in ports { return port }
        throw CancellationError()
    }

    /// Binds 127.0.0.1:`port` (0 picks a free port), reports the bound port, and serves until
    /// the task is cancelled.
    public func run(port: Int, bound: @Sendable (Int) -> Void) async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: channel)
                }
            }
        bound(server.channel.localAddress?.port ?? port)
        try await withThrowingDiscardingTaskGroup { group in
            try await server.executeThenClose { connections in
                for try await connection in connections {
                    group.addTask { await serve(connection) }
                }
            }
        }
    }

    private func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body = ByteBuffer()
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body.clear()
                case .body(var chunk):
                    guard body.readableBytes + chunk.readableBytes <= Self.maxBodyBytes else {
                        try await write(.error(statusCode: 413, .invalidRequest("request body too large")), keepAlive: false, to: outbound)
                        return
                    }
                    body.writeBuffer(&chunk)
                case .end:
                    guard let requestHead = head else { continue }
                    var headers: [String: String] = [:]
                    for (name, value) in requestHead.headers { headers[name] = value }
                    let request = MCP.HTTPRequest(
                        method: requestHead.method.rawValue, headers: headers,
                        body: body.readableBytes > 0 ? Data(body.readableBytesView) : nil,
                        path: String(requestHead.uri.split(separator: "?", maxSplits: 1).first ?? ""))
                    let response = await handler(request)
                    try await write(response, keepAlive: requestHead.isKeepAlive, to: outbound)
                    head = nil
                }
            }
        }
    }

    private func write(
        _ response: MCP.HTTPResponse, keepAlive: Bool, to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>
    ) async throws {
        var headers = HTTPHeaders()
        for (name, value) in response.headers { headers.add(name: name, value: value) }
        headers.replaceOrAdd(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let status = HTTPResponseStatus(statusCode: response.statusCode)
        if case .stream(let events, _) = response {
            headers.replaceOrAdd(name: "Transfer-Encoding", value: "chunked")
            headers.remove(name: "Content-Length")
            try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
            do {
                for try await chunk in events where !chunk.isEmpty {
                    try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: chunk))))
                }
            } catch {
                // The session ended mid-stream; the client sees the stream end.
            }
            try await outbound.write(.end(nil))
            return
        }
        let body = response.bodyData ?? Data()
        headers.replaceOrAdd(name: "Content-Length", value: String(body.count))
        try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
        if !body.isEmpty { try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body)))) }
        try await outbound.write(.end(nil))
    }
}
