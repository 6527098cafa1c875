/// Sums of every countable trial field over a run: the trials' counters, their errors and cost.
/// Its JSON is flat (`model_requests`, …, `errors`, `cost`), as the summary's `totals` always was.
@dynamicMemberLookup
public struct TrialTotals: Sendable, Codable, Hashable {
    /// The trials' counters, summed; read through the totals (`totals.modelRequests`).
    public var counters = TrialCounters()
    /// Trials that ended with an infrastructure error (provider, MCP, sandbox, budget, cancelled).
    public var infrastructureErrors = 0
    /// Trials that ended with any error.
    public var errors = 0
    /// The trials' cost at the gate's prices.
    public var cost = 0.0

    /// Nothing summed yet.
    public init() {}

    /// A counter of the sum, by its name in `TrialCounters`.
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<TrialCounters, Value>) -> Value {
        get { counters[keyPath: keyPath] }
        set { counters[keyPath: keyPath] = newValue }
    }

    /// Adds one trial.
    public mutating func add(_ trial: TrialRecord) {
        counters += trial.counters
        if let error = trial.error {
            errors += 1
            if error.category.isInfrastructure { infrastructureErrors += 1 }
        }
        cost += trial.cost
    }

    enum CodingKeys: String, CodingKey {
        case infrastructureErrors = "infrastructure_errors", errors, cost
    }

    /// Reads the flat object: the counters beside the totals' own fields.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        counters = try TrialCounters(from: decoder)
        infrastructureErrors = try container.decode(Int.self, forKey: .infrastructureErrors)
        errors = try container.decode(Int.self, forKey: .errors)
        cost = try container.decode(Double.self, forKey: .cost)
    }

    /// Writes one flat object: the counters beside the totals' own fields.
    public func encode(to encoder: any Encoder) throws {
        // The counters share this object: sorted keys make the line the same as when they were fields.
        try counters.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(infrastructureErrors, forKey: .infrastructureErrors)
        try container.encode(errors, forKey: .errors)
        try container.encode(cost, forKey: .cost)
    }
}
