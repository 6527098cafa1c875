/// Which cases both arms run, how often and in what order (`workload:`).
public struct WorkloadPlan: Sendable, Codable, Equatable {
    /// How the two arms' trials are ordered.
    public enum ArmOrder: String, Sendable, Codable, CaseIterable {
        /// The whole baseline run, then the whole candidate run.
        case sequential
        /// Per case, both arms in an order drawn from the seed, so drift hits both alike.
        case interleaved
    }

    /// Built-in preset names or paths to preset files, as written (paths are not resolved here).
    public var presets: [String]
    /// Cases per preset; 0 = all.
    public var limit: Int
    /// Trials per case per arm.
    public var repetitions: Int
    /// Seeds the arm order, per-trial draws and the judge's bootstrap, so a gate run is reproducible.
    public var seed: UInt64
    /// Whether the arms run one after the other or case by case.
    public var armOrder: ArmOrder
    /// Trials running at the same time.
    public var concurrency: Int

    /// A plan as given.
    public init(
        presets: [String], limit: Int, repetitions: Int, seed: UInt64, armOrder: ArmOrder, concurrency: Int
    ) {
        self.presets = presets
        self.limit = limit
        self.repetitions = repetitions
        self.seed = seed
        self.armOrder = armOrder
        self.concurrency = concurrency
    }

    enum CodingKeys: String, CodingKey {
        case presets, limit, repetitions, seed, concurrency
        case armOrder = "arm_order"
    }
}
