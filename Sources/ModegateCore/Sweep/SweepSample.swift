/// What one preset's arms played at one shape: the paired trials, the case ids in slot order
/// (slot `i` is the case of seed index `i`, the same at every shape), and the runs they are in.
public struct SweepSample: Sendable {
    /// The shape played.
    public var shape: SweepShape
    /// The case ids, slot by slot.
    public var caseIDs: [String]
    /// Both arms' trials, paired by case and repetition.
    public var pairs: [Pairing.Pair]
    /// The baseline's stored run.
    public var baselineRun: String
    /// The candidate's stored run.
    public var candidateRun: String
    /// Wall-clock seconds both arms took.
    public var wallSeconds: Double

    /// A sample as given.
    public init(shape: SweepShape, caseIDs: [String], pairs: [Pairing.Pair], baselineRun: String, candidateRun: String, wallSeconds: Double) {
        self.shape = shape
        self.caseIDs = caseIDs
        self.pairs = pairs
        self.baselineRun = baselineRun
        self.candidateRun = candidateRun
        self.wallSeconds = wallSeconds
    }
}
