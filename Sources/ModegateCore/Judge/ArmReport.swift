/// One arm of the comparison as the verdict reports it.
public struct ArmReport: Sendable, Hashable, Codable {
    /// The run's id in the store, or the summary's file name for an RLM Code run.
    public var id: String
    /// Where the run came from: a native run folder or an imported RLM Code summary.
    public var source: StoredRun.Source
    /// The run folder or the summary file, as resolved.
    public var path: String
    /// The strategy the run recorded; nil when an RLM Code summary does not say.
    public var strategy: Strategy?
    /// The presets the run covers.
    public var presets: [String]
    /// The arm's run-level figures.
    public var metrics: ArmMetrics
    /// How the arm's model used its tools; absent for runs recorded without it (RLM Code's,
    /// older native runs).
    public var adoption: CodeModeAdoption?
    /// How the arm used each MCP server it was offered, by server; absent when it was offered none.
    public var serverAdoption: [String: ServerAdoptionTotals]? = nil

    enum CodingKeys: String, CodingKey {
        case id, source, path, strategy, presets, metrics, adoption
        case serverAdoption = "server_adoption"
    }
}
