/// `tools:` — how built-in suites are reached and the faults injected into them.
public struct ToolsPlan: Sendable, Codable, Equatable {
    public enum Transport: String, Sendable, Codable, CaseIterable {
        case inProcess = "in_process"
        case mcpStdio = "mcp_stdio"
    }

    public struct Faults: Sendable, Codable, Equatable {
        public var errorRate: Double
        public var latencyMS: Int
        public var seed: UInt64

        public init(errorRate: Double, latencyMS: Int, seed: UInt64) {
            self.errorRate = errorRate
            self.latencyMS = latencyMS
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey {
            case errorRate = "error_rate", latencyMS = "latency_ms", seed
        }
    }

    public var transport: Transport
    /// By suite name.
    public var faults: [String: Faults]

    public init(transport: Transport, faults: [String: Faults]) {
        self.transport = transport
        self.faults = faults
    }
}
