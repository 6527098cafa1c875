/// Where the two arms' trials of one repetition part: the first tool call that differs (by name
/// or arguments, or one arm making no further call), each arm's first failed call, and each
/// arm's error. The first of these in a trial is usually why a case regressed.
public struct TrajectoryDivergence: Sendable, Codable, Hashable {
    /// The first position where the calls differ.
    public struct Split: Sendable, Codable, Hashable {
        /// 0-based position in both sequences.
        public var index: Int
        /// The baseline's call there; nil when it made no further call.
        public var baseline: ToolCallTrace?
        /// The candidate's call there; nil when it made no further call.
        public var candidate: ToolCallTrace?
    }

    /// The repetition both trials played.
    public var repetition: Int
    /// The first differing call; nil when both made the same calls (or neither kept a trace).
    public var firstDifferingCall: Split?
    /// The baseline's first failed call.
    public var baselineFirstFailedCall: IndexedCall?
    /// The candidate's first failed call.
    public var candidateFirstFailedCall: IndexedCall?
    /// The baseline trial's error, as `category: message`.
    public var baselineError: String?
    /// The candidate trial's error, as `category: message`.
    public var candidateError: String?

    /// The divergence of two trials of the same repetition.
    public init(baseline: TrialEvidence, candidate: TrialEvidence) {
        repetition = candidate.repetition
        baselineFirstFailedCall = baseline.firstFailedCall
        candidateFirstFailedCall = candidate.firstFailedCall
        baselineError = baseline.error.map { "\($0.category.rawValue): \($0.message)" }
        candidateError = candidate.error.map { "\($0.category.rawValue): \($0.message)" }
        firstDifferingCall = Self.split(baseline.toolCalls, candidate.toolCalls)
    }

    /// Calls are the same when name and arguments are; whether they failed is the other field's.
    static func split(_ baseline: [ToolCallTrace]?, _ candidate: [ToolCallTrace]?) -> Split? {
        guard let baseline, let candidate else { return nil }
        for index in 0..<max(baseline.count, candidate.count) {
            let left = index < baseline.count ? baseline[index] : nil
            let right = index < candidate.count ? candidate[index] : nil
            if left?.name != right?.name || left?.arguments != right?.arguments {
                return Split(index: index, baseline: left, candidate: right)
            }
        }
        return nil
    }

    enum CodingKeys: String, CodingKey {
        case repetition
        case firstDifferingCall = "first_differing_call"
        case baselineFirstFailedCall = "baseline_first_failed_call"
        case candidateFirstFailedCall = "candidate_first_failed_call"
        case baselineError = "baseline_error", candidateError = "candidate_error"
    }
}
