import Foundation

/// One look-by-look evaluation of sequential judging over the paired trials so far.
public struct SequentialEvaluation: Sendable, Hashable {
    /// The statistical gates: reward, completion, steps, completion regressions, and the token
    /// and cost ratios when set.
    public var gates: [GateResult]
    /// Looks taken.
    public var looks: Int
    /// Paired cases used, in the sequential order.
    public var cases: Int
    /// Every gate was decided by its confidence sequence or e-process (not by the
    /// end-of-workload rule): the run may stop.
    public var allDecided: Bool
    /// Paired cases at each look, in order.
    public var lookCases: [Int]
    /// The look (1-based) at which each decided gate was decided.
    public var decidedAt: [GateResult.Name: Int]

    /// Cases a run that stops once every gate is decided uses: the last gate's decision look;
    /// every case when one is never decided.
    public var casesToDecideAll: Int {
        guard allDecided, let last = decidedAt.values.max(), last >= 1, last <= lookCases.count else { return cases }
        return lookCases[last - 1]
    }
}
