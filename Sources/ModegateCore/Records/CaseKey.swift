import Foundation

/// Identity of a case across repetitions: the unit the bootstrap resamples.
public struct CaseKey: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The case's preset.
    public var preset: String
    /// The case's id within its preset.
    public var caseID: String

    /// A key as given.
    public init(preset: String, caseID: String) {
        self.preset = preset
        self.caseID = caseID
    }

    /// By preset, then case id.
    public static func < (lhs: CaseKey, rhs: CaseKey) -> Bool { (lhs.preset, lhs.caseID) < (rhs.preset, rhs.caseID) }

    /// `preset/case`, for messages.
    public var description: String { "\(preset)/\(caseID)" }

    enum CodingKeys: String, CodingKey { case preset, caseID = "case_id" }
}
