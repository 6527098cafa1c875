/// One preset's share of a verdict (`by_preset` in the verdict JSON): every gate computed by the
/// same code as the overall gates on that preset's paired trials alone.
public struct PresetVerdict: Sendable, Hashable, Codable {
    /// The preset's gates combined, as the overall gates are: fail, else inconclusive, else pass.
    public var status: Verdict.Status
    /// True when these gates count toward the verdict (`thresholds.per_preset`, fixed-size
    /// judging); false when they only describe where the candidate wins and loses.
    public var counts: Bool
    /// Paired cases and trials of this preset.
    public var pairedCases: Int
    public var pairedTrials: Int
    /// The preset's gates, in the order of the overall gates.
    public var gates: [GateResult]
    /// How to read these gates when it differs from the overall gates' reading (sequential
    /// verdicts); nil otherwise.
    public var note: String?

    /// A preset's verdict as the judge computed it.
    public init(status: Verdict.Status, counts: Bool, pairedCases: Int, pairedTrials: Int, gates: [GateResult], note: String? = nil) {
        self.status = status
        self.counts = counts
        self.pairedCases = pairedCases
        self.pairedTrials = pairedTrials
        self.gates = gates
        self.note = note
    }

    enum CodingKeys: String, CodingKey {
        case status, counts, gates, note
        case pairedCases = "paired_cases", pairedTrials = "paired_trials"
    }
}
