/// What `modegate explain` reports on two runs: the cases the candidate lost most on and gained
/// most on, each with both arms side by side, and the cases whose repetitions disagree.
public struct Explanation: Sendable, Codable, Hashable {
    /// One of the two runs.
    public struct Run: Sendable, Codable, Hashable {
        /// The run's id.
        public var id: String
        /// Its folder, as found.
        public var path: String
        /// Its strategy.
        public var strategy: Strategy?
    }

    /// A case whose repetitions disagree in at least one arm.
    public struct FlakyCase: Sendable, Codable, Hashable {
        public var preset: String
        public var caseID: String
        public var baseline: ArmFlakiness
        public var candidate: ArmFlakiness

        enum CodingKeys: String, CodingKey { case preset, baseline, candidate, caseID = "case_id" }
    }

    /// The candidate run.
    public var candidate: Run
    /// The baseline run.
    public var baseline: Run
    /// Cases both runs played.
    public var pairedCases: Int
    /// Cases the candidate lost reward or completions on, in all.
    public var lossCount: Int
    /// Cases it gained on and lost nothing, in all.
    public var gainCount: Int
    /// The largest losses first (reward, then completion), at most the limit asked for.
    public var losses: [CaseExplanation]
    /// The largest gains first, at most the limit asked for.
    public var gains: [CaseExplanation]
    /// Every case whose repetitions of one arm disagree, the most disagreeing first.
    public var flaky: [FlakyCase]
    /// With `--case`: the cases asked for, whatever their deltas; nil otherwise.
    public var selected: [CaseExplanation]?

    enum CodingKeys: String, CodingKey {
        case candidate, baseline, losses, gains, flaky, selected
        case pairedCases = "paired_cases", lossCount = "loss_count", gainCount = "gain_count"
    }
}
