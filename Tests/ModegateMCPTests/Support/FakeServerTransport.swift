import Foundation
import Logging
import MCP
import ModegateCore

/// An MCP server in process, answering the SDK client over the `Transport` protocol: it knows
/// `initialize`, `ping`, `tools/list` and three tools (or the names it is given, answered as `echo_ok`). `hang_forever` wedges it like a server
/// that serves one request at a time — nothing is answered afterwards, pings included — and
/// `slow` is never answered while the server goes on answering everything else (a slow tool on
/// a healthy server). Every message it received is kept, by method.
actor FakeServerTransport: Transport {
    nonisolated let logger = Logger(label: "fake-server", factory: { _ in SwiftLogNoOpLogHandler() })
    private let stream: AsyncThrowingStream<Data, any Error>
    private let continuation: AsyncThrowingStream<Data, any Error>.Continuation
    private(set) var wedged = false
    private(set) var received: [JSONValue] = []
    private(set) var disconnected = false

    /// The tools `tools/list` names.
    private let tools: [String]

    /// A server that lists `tools`; one `wedged` from the start answers nothing, `initialize` included.
    init(tools: [String] = ["echo_ok", "hang_forever", "slow"], wedged: Bool = false) {
        self.tools = tools
        self.wedged = wedged
        (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
    }

    func connect() async throws {}

    func disconnect() async {
        disconnected = true
        continuation.finish()
    }

    func receive() -> AsyncThrowingStream<Data, any Error> { stream }

    /// The messages received with `method`.
    func messages(_ method: String) -> [JSONValue] { received.filter { $0["method"]?.stringValue == method } }

    func send(_ data: Data) async throws {
        guard let message = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { return }
        if let value = try? JSONValue.parse(String(decoding: data, as: UTF8.self)) { received.append(value) }
        guard let id = message["id"], let method = message["method"] as? String, !wedged else { return }
        switch method {
        case "initialize":
            let params = message["params"] as? [String: Any]
            reply(id, [
                "protocolVersion": params?["protocolVersion"] ?? "2025-06-18", "capabilities": ["tools": [:]],
                "serverInfo": ["name": "fake", "version": "1"],
            ])
        case "ping": reply(id, [:])
        case "tools/list":
            reply(id, ["tools": tools.map { ["name": $0, "inputSchema": ["type": "object"]] }])
        case "tools/call":
            let params = message["params"] as? [String: Any]
            switch params?["name"] as? String {
            case "hang_forever": wedged = true
            case "slow": break
            default: reply(id, ["content": [["type": "text", "text": "ok"]]])
            }
        default: break
        }
    }

    private func reply(_ id: Any, _ result: [String: Any]) {
        let message: [String: Any] = ["jsonrpc": "2.0", "id": id, "result": result]
        guard let data = try? JSONSerialization.data(withJSONObject: message) else { return }
        continuation.yield(data)
    }
}
