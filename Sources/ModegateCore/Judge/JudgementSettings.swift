/// How the judge decides (`judgement:` in the gate file, plus the seed from `workload.seed`).
public struct JudgementSettings: Sendable, Hashable, Codable {
    /// How gates are decided.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Compare observed values with a 1e-9 tolerance: RLM Code parity.
        case point
        /// Paired cluster-bootstrap intervals and McNemar's exact test; three-state gates.
        case statistical
    }

    /// Point comparison (RLM Code parity) or statistical inference.
    public var mode: Mode
    /// Confidence of the bootstrap intervals and level of McNemar's test, e.g. 0.95.
    public var confidence: Double
    /// Resamples per bootstrap interval; more gives steadier bounds, slower.
    public var bootstrapResamples: Int
    /// Seeds the bootstrap, so the same runs always get the same verdict.
    public var seed: UInt64
    /// Sequential judging (`judgement.sequential`): nil for a fixed-size run.
    public var sequential: Sequential?

    /// `judgement.sequential`: cases run in a seeded order, in batches, and the run stops as
    /// soon as every gate is decided by anytime-valid confidence sequences (docs/judge.md).
    public struct Sequential: Sendable, Hashable, Codable {
        /// Cases per batch; the judge looks after every batch.
        public var batchCases: Int
        /// Cases before the first look: the confidence sequences are asymptotic.
        public var minCases: Int

        /// Settings as given; the gate schema checks their ranges.
        public init(batchCases: Int, minCases: Int) {
            self.batchCases = batchCases
            self.minCases = minCases
        }

        enum CodingKeys: String, CodingKey {
            case batchCases = "batch_cases", minCases = "min_cases"
        }
    }

    /// What native gates use when the gate file says nothing: statistical at 95 %, 5,000 resamples.
    public static let nativeDefaults = JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 5000, seed: 42)

    /// Settings as given; no validation (the gate schema does that).
    public init(mode: Mode, confidence: Double, bootstrapResamples: Int, seed: UInt64, sequential: Sequential? = nil) {
        self.mode = mode
        self.confidence = confidence
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
        self.sequential = sequential
    }

    enum CodingKeys: String, CodingKey {
        case mode, confidence, seed, sequential
        case bootstrapResamples = "bootstrap_resamples"
    }
}
