/// MCP servers the gate may use (`mcp:`): tool suites, or an external Code Mode runtime.
public struct MCPPlan: Sendable, Codable, Equatable {
    /// One server. Exactly one of `command` and `url` is set; `transport` says which.
    public struct Server: Sendable, Codable, Equatable {
        /// Program and arguments of a stdio server.
        public var command: [String]?
        /// Extra environment of a stdio server, verbatim.
        public var env: [String: String]
        /// Endpoint of a streamable-HTTP server.
        public var url: String?
        /// Header name → name of the environment variable holding its value.
        public var headersEnv: [String: String]
        /// Timeout of one request to the server; `initialize` gets at least a minute.
        public var timeoutSeconds: Int
        /// Regular expression: tool results whose text matches count as errors.
        public var errorPattern: String?
        /// The server keeps state per trial (by the trial each call names in its `_meta`), so
        /// cases that set up state on it may run at once; nil when the gate does not say.
        public var perTrialState: Bool?

        /// A server as given; the loader checks that exactly one of `command` and `url` is set.
        public init(
            command: [String]? = nil, env: [String: String] = [:], url: String? = nil,
            headersEnv: [String: String] = [:], timeoutSeconds: Int, errorPattern: String? = nil
        ) {
            self.command = command
            self.env = env
            self.url = url
            self.headersEnv = headersEnv
            self.timeoutSeconds = timeoutSeconds
            self.errorPattern = errorPattern
        }

        /// How a server is reached.
        public enum Transport: Sendable, Equatable {
            /// A child process speaking JSON-RPC on its stdin and stdout.
            case stdio(command: [String])
            /// A streamable-HTTP endpoint.
            case http(url: String)
        }

        /// How to reach the server. The loader guarantees one of the two is set.
        public var transport: Transport {
            if let command, !command.isEmpty { return .stdio(command: command) }
            return .http(url: url ?? "")
        }

        enum CodingKeys: String, CodingKey {
            case command, env, url
            case headersEnv = "headers_env"
            case timeoutSeconds = "timeout_seconds"
            case errorPattern = "error_pattern"
            case perTrialState = "per_trial_state"
        }
    }

    /// Whether the servers are started and used; when false they are only declared.
    public var enabled: Bool
    /// Servers by name, as suites and arms refer to them.
    public var servers: [String: Server]

    /// A plan as given.
    public init(enabled: Bool, servers: [String: Server] = [:]) {
        self.enabled = enabled
        self.servers = servers
    }
}
