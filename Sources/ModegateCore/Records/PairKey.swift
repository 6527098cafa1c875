import Foundation

/// Identity of a paired trial: (preset, case id, repetition).
public struct PairKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The case's preset.
    public var preset: String
    /// The case's id within its preset.
    public var caseID: String
    /// 0-based repetition index.
    public var repetition: Int

    /// A key as given.
    public init(preset: String, caseID: String, repetition: Int) {
        self.preset = preset
        self.caseID = caseID
        self.repetition = repetition
    }

    /// The case without the repetition: what the bootstrap resamples.
    public var caseKey: CaseKey { CaseKey(preset: preset, caseID: caseID) }

    /// By preset, case id, then repetition: the order of a summary's `case_results`.
    public static func < (lhs: PairKey, rhs: PairKey) -> Bool {
        (lhs.preset, lhs.caseID, lhs.repetition) < (rhs.preset, rhs.caseID, rhs.repetition)
    }

    /// `preset/case#repetition`, for messages.
    public var description: String { "\(preset)/\(caseID)#\(repetition)" }

    enum CodingKeys: String, CodingKey { case preset, caseID = "case_id", repetition }
}
