import ModegateCore

/// Looks at a run between batches of cases and may stop it (sequential judging): called after
/// every batch, with every trial recorded so far by each arm, including those of a resumed
/// attempt and of a reused baseline.
public protocol BatchReview: Sendable {
    /// Nil to go on with the next batch; a reason to stop the run there.
    func review(afterBatch index: Int, trials: [ArmRole: [TrialRecord]]) async -> String?
}

extension GateRunner {
    /// Play the workload in batches of `cases` cases (both arms per batch) and ask `review`
    /// after each whether to go on.
    public struct Batching: Sendable {
        /// Cases per batch (at least 1).
        public var cases: Int
        /// Asked after every batch.
        public var review: any BatchReview
        /// When set, cases are played in `SequentialOrder` with this seed instead of the
        /// workload's order (sequential judging, whose looks must see cases in random order).
        public var seededOrder: UInt64?

        /// Batches of `cases` cases, reviewed by `review`.
        public init(cases: Int, review: any BatchReview, seededOrder: UInt64? = nil) {
            self.cases = max(1, cases)
            self.review = review
            self.seededOrder = seededOrder
        }
    }
}
