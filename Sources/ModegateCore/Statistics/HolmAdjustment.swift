/// What Holm's correction made of one member's p-value (`holm` of a per-preset gate).
public struct HolmAdjustment: Sendable, Hashable, Codable {
    /// The member's own p-value: the bootstrap's for an interval gate, McNemar's for completion
    /// regressions.
    public var pValue: Double
    /// Holm's adjusted p-value; the member is decided when it is at most 1 − confidence.
    public var adjustedPValue: Double
    /// How many members the family has (presets judged on this gate).
    public var family: Int
    /// The member's place among the family's p-values, smallest first (1-based).
    public var rank: Int
    /// The level the step-down tests this member at, 1 − α / (family − rank + 1).
    public var confidence: Double

    /// An adjustment as computed.
    public init(pValue: Double, adjustedPValue: Double, family: Int, rank: Int, confidence: Double) {
        self.pValue = pValue
        self.adjustedPValue = adjustedPValue
        self.family = family
        self.rank = rank
        self.confidence = confidence
    }

    enum CodingKeys: String, CodingKey {
        case family, rank, confidence
        case pValue = "p_value", adjustedPValue = "adjusted_p_value"
    }
}
