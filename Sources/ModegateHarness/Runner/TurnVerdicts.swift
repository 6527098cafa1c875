import Synchronization

/// The verdicts of a multi-turn trial's turns scored as they ended, by turn index, for the
/// trial's record once the conversation is over.
final class TurnVerdicts: Sendable {
    private let verdicts = Mutex<[Int: TrialRunner.AnswerVerdict]>([:])

    func store(_ index: Int, _ verdict: TrialRunner.AnswerVerdict) { verdicts.withLock { $0[index] = verdict } }

    func verdict(_ index: Int) -> TrialRunner.AnswerVerdict? { verdicts.withLock { $0[index] } }
}
