/// MCP servers started again during a trial or a run, by server and by why: the records'
/// `mcp_restarts` (counts by server) and `mcp_restart_reasons` (counts by server and reason).
public struct MCPRestarts: Sendable, Hashable {
    /// Why a server was started again.
    public enum Reason: String, Sendable, Codable, CaseIterable {
        /// It went away: the process exited, or the URL refused or reset the connection.
        case crash
        /// A call timed out and the server did not answer a `ping` either: it was killed.
        case hang
        /// It broke the protocol: it ended the MCP session under a trial (HTTP 404).
        case `protocol`
    }

    /// Restarts by server, then by reason.
    public private(set) var byServer: [String: [Reason: Int]] = [:]

    /// None.
    public init() {}

    /// Read from records: `counts` is `mcp_restarts`, `reasons` is `mcp_restart_reasons`. A
    /// record written before reasons were kept counts its restarts as crashes (they were then).
    public init(counts: [String: Int]?, reasons: [String: [String: Int]]?) {
        for (server, count) in counts ?? [:] {
            var known: [Reason: Int] = [:]
            for (name, value) in reasons?[server] ?? [:] {
                if let reason = Reason(rawValue: name) { known[reason, default: 0] += value }
            }
            let unexplained = count - known.values.reduce(0, +)
            if unexplained > 0 { known[.crash, default: 0] += unexplained }
            byServer[server] = known
        }
    }

    /// One more restart of `server` for `reason`.
    public mutating func add(_ server: String, _ reason: Reason, count: Int = 1) {
        byServer[server, default: [:]][reason, default: 0] += count
    }

    /// Adds every restart of `other`.
    public mutating func add(_ other: MCPRestarts) {
        for (server, reasons) in other.byServer {
            for (reason, count) in reasons { add(server, reason, count: count) }
        }
    }

    /// True when nothing was restarted.
    public var isEmpty: Bool { byServer.isEmpty }

    /// Restarts by server (`mcp_restarts`).
    public var counts: [String: Int] { byServer.mapValues { $0.values.reduce(0, +) } }

    /// Restarts by server and reason name (`mcp_restart_reasons`).
    public var reasons: [String: [String: Int]] {
        byServer.mapValues { Dictionary(uniqueKeysWithValues: $0.map { ($0.key.rawValue, $0.value) }) }
    }

    /// The restarts of `server` for `reason`.
    public func count(_ server: String, _ reason: Reason) -> Int { byServer[server]?[reason] ?? 0 }
}
