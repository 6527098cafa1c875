import ModegateCore

/// Sequential judging's look between batches: judges the paired trials so far as the final
/// verdict will (`Judge.sequentialEvaluation`) and stops the run once every gate is decided.
struct SequentialReview: BatchReview {
    let judge: Judge

    func review(afterBatch index: Int, trials: [ArmRole: [TrialRecord]]) async -> String? {
        let pairing = Pairing(
            candidate: (trials[.candidate] ?? []).map(TrialOutcome.init), baseline: (trials[.baseline] ?? []).map(TrialOutcome.init))
        let evaluation = judge.sequentialEvaluation(pairs: pairing.pairs, atEnd: false)
        guard evaluation.allDecided else { return nil }
        return "sequential judging decided every gate after \(evaluation.cases) paired cases (\(evaluation.looks) look\(evaluation.looks == 1 ? "" : "s"))"
    }
}
