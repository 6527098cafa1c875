/// Hard limits of one run (`budget:`); `nil` = unlimited. Exhausting one ends the run with a run error.
public struct BudgetPlan: Sendable, Codable, Equatable {
    public var maxModelRequests: Int?
    public var maxSeconds: Double?
    public var maxCost: Double?

    public static let unlimited = BudgetPlan()

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

    public func encode(to encoder: Encoder) throws {
        // Unlimited is written as an explicit null so a printed plan shows every limit.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(maxModelRequests, forKey: .maxModelRequests)
        try container.encode(maxSeconds, forKey: .maxSeconds)
        try container.encode(maxCost, forKey: .maxCost)
    }
}
