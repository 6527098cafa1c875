/// How much of a tool API the model is told precisely: of the tools' parameters and results, the
/// share whose type the schemas state (no `unknown` anywhere in it). A result is typed only when
/// the tool gives an `outputSchema`.
public struct SchemaFidelity: Sendable, Hashable, Codable {
    /// Top-level parameters of every tool.
    public var parameters = 0
    /// Those typed precisely.
    public var preciseParameters = 0
    /// Results: one per tool.
    public var results = 0
    /// Results typed precisely (an `outputSchema` with no `unknown` in it).
    public var preciseResults = 0

    /// Nothing counted yet.
    public init() {}

    /// Precisely typed parameters and results over all of them; 1 for an API with neither.
    public var share: Double {
        let total = parameters + results
        return total == 0 ? 1 : Double(preciseParameters + preciseResults) / Double(total)
    }

    enum CodingKeys: String, CodingKey {
        case parameters, preciseParameters = "precise_parameters", results, preciseResults = "precise_results", share
    }

    /// Reads the counts; the share is derived, not read.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        parameters = try container.decode(Int.self, forKey: .parameters)
        preciseParameters = try container.decode(Int.self, forKey: .preciseParameters)
        results = try container.decode(Int.self, forKey: .results)
        preciseResults = try container.decode(Int.self, forKey: .preciseResults)
    }

    /// The counts, and the share for readers of the JSON.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(parameters, forKey: .parameters)
        try container.encode(preciseParameters, forKey: .preciseParameters)
        try container.encode(results, forKey: .results)
        try container.encode(preciseResults, forKey: .preciseResults)
        try container.encode(share, forKey: .share)
    }
}
