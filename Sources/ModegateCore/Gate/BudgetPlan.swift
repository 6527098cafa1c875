/// Hard limits of one run (`budget:`); `nil` = unlimited. Exhausting one ends the run with a run error.
public struct BudgetPlan: Sendable, Codable, Equatable {
    /// Model requests across both arms.
    public var maxModelRequests: Int?
    /// Wall-clock seconds of the whole run.
    public var maxSeconds: Double?
    /// Cost across both arms, in the pricing currency; needs `model.pricing`.
    public var maxCost: Double?

    /// No limits: what a gate without `budget:` gets.
    public static let unlimited = BudgetPlan()

    /// Limits as given; each nil is unlimited.
    public init(maxModelRequests: Int? = nil, maxSeconds: Double? = nil, maxCost: Double? = nil) {
        self.maxModelRequests = maxModelRequests
        self.maxSeconds = maxSeconds
        self.maxCost = maxCost
    }

    enum CodingKeys: String, CodingKey {
        case maxModelRequests = "max_model_requests"
        case maxSeconds = "max_seconds"
        case maxCost = "max_cost"
    }

    /// Writes every limit, unlimited ones as `null`.
    public func encode(to encoder: Encoder) throws {
        // Unlimited is written as an explicit null so a printed plan shows every limit.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxModelRequests, forKey: .maxModelRequests)
        try container.encode(maxSeconds, forKey: .maxSeconds)
        try container.encode(maxCost, forKey: .maxCost)
    }
}
