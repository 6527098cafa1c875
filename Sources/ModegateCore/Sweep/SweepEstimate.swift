/// One figure of a sweep: its observed value and (when the resamples formed it) its bootstrap
/// interval at the sweep's confidence.
public struct SweepEstimate: Sendable, Hashable, Codable {
    /// The observed value; nil when it cannot be formed (a ratio over a zero baseline).
    public var value: Double?
    /// The percentile interval over the resampled case slots.
    public var interval: ConfidenceInterval?

    /// An estimate as given.
    public init(value: Double?, interval: ConfidenceInterval?) {
        self.value = value
        self.interval = interval
    }

    /// Both keys always present.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encode(interval, forKey: .interval)
    }

    enum CodingKeys: String, CodingKey { case value, interval }
}
