/// One arm of the comparison as the verdict reports it.
public struct ArmReport: Sendable, Hashable, Codable {
    public var id: String
    public var source: StoredRun.Source
    public var path: String
    public var strategy: Strategy?
    public var presets: [String]
    public var metrics: ArmMetrics

    enum CodingKeys: String, CodingKey { case id, source, path, strategy, presets, metrics }
}
