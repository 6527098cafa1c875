/// How the judge decides (`judgement:` in the gate file, plus the seed from `workload.seed`).
public struct JudgementSettings: Sendable, Hashable, Codable {
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Compare observed values with a 1e-9 tolerance: RLM Code parity.
        case point
        /// Paired cluster-bootstrap intervals and McNemar's exact test; three-state gates.
        case statistical
    }

    public var mode: Mode
    public var confidence: Double
    public var bootstrapResamples: Int
    public var seed: UInt64

    public static let nativeDefaults = JudgementSettings(mode: .statistical, confidence: 0.95, bootstrapResamples: 5000, seed: 42)

    public init(mode: Mode, confidence: Double, bootstrapResamples: Int, seed: UInt64) {
        self.mode = mode
        self.confidence = confidence
        self.bootstrapResamples = bootstrapResamples
        self.seed = seed
    }

    enum CodingKeys: String, CodingKey {
        case mode, confidence, seed
        case bootstrapResamples = "bootstrap_resamples"
    }
}
