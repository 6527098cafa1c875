/// `tools:` — how built-in suites are reached and the faults injected into them.
public struct ToolsPlan: Sendable, Codable, Equatable {
    /// How a built-in suite's tools are reached.
    public enum Transport: String, Sendable, Codable, CaseIterable {
        /// Inside modegate: the fastest, and the default.
        case inProcess = "in_process"
        /// Through `modegate serve` child processes over MCP stdio, as a real MCP server would be.
        case mcpStdio = "mcp_stdio"
    }

    /// Injected faults for one suite, to exercise the gate's failure paths offline.
    public struct Faults: Sendable, Codable, Equatable {
        /// Probability that a tool call fails.
        public var errorRate: Double
        /// Delay added to every tool call, in milliseconds.
        public var latencyMS: Int
        /// Seed of the fault draws, so a faulty run is reproducible.
        public var seed: UInt64

        /// Faults as given.
        public init(errorRate: Double, latencyMS: Int, seed: UInt64) {
            self.errorRate = errorRate
            self.latencyMS = latencyMS
            self.seed = seed
        }

        enum CodingKeys: String, CodingKey {
            case errorRate = "error_rate", latencyMS = "latency_ms", seed
        }
    }

    /// In process or over MCP stdio.
    public var transport: Transport
    /// By suite name.
    public var faults: [String: Faults]

    /// A plan as given.
    public init(transport: Transport, faults: [String: Faults]) {
        self.transport = transport
        self.faults = faults
    }
}
