/// The part an arm plays in a run. Raw values are the records' spelling (`manifest.arm`, run id
/// suffixes, transcripts).
public enum ArmRole: String, Sendable, Codable, CaseIterable, Hashable, CustomStringConvertible {
    /// The arm the gate compares against (`baseline:`), classic tool calling as a rule.
    case baseline
    /// The arm up for promotion (`candidate:`), Code Mode as a rule.
    case candidate
    /// One arm alone (`modegate bench`): stored and compared later, never judged in the run.
    case bench

    /// The two arms a gate judges, baseline first.
    public static let judged: [ArmRole] = [.baseline, .candidate]

    /// The raw value, as records and messages spell the arm.
    public var description: String { rawValue }
}
