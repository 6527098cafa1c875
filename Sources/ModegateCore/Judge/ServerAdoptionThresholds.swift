/// Gates on how the candidate used one MCP server (`thresholds.server_adoption.SERVER`): the
/// adoption figures are descriptive until one of these is set. Each is read from the candidate's
/// totals over the whole run, in every judgement mode: a share of what the arm did, not an
/// effect between arms, so it has no interval.
public struct ServerAdoptionThresholds: Sendable, Hashable, Codable {
    /// Least share of the candidate's tool calls that go to the server.
    public var minShare: Double?
    /// Least share of the candidate's trials (offered the server) that call it at least once.
    public var minTrialsUsing: Double?
    /// Most share of the server's calls that fail.
    public var maxErrorRate: Double?

    /// Thresholds as given; nil switches that gate off.
    public init(minShare: Double? = nil, minTrialsUsing: Double? = nil, maxErrorRate: Double? = nil) {
        self.minShare = minShare
        self.minTrialsUsing = minTrialsUsing
        self.maxErrorRate = maxErrorRate
    }

    enum CodingKeys: String, CodingKey {
        case minShare = "min_share"
        case minTrialsUsing = "min_trials_using"
        case maxErrorRate = "max_error_rate"
    }
}
