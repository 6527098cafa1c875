import Foundation

/// One case's paired sums and its discordant pairs, for sequential judging.
struct SequentialCase {
    var sums = PairedCaseSums()
    var losses = 0
    var gains = 0
    /// Paired trials of the case (its repetitions).
    var trials = 0

    mutating func add(_ pair: Pairing.Pair) {
        sums.add(candidate: pair.candidate, baseline: pair.baseline)
        trials += 1
        if pair.baseline.completed && !pair.candidate.completed { losses += 1 }
        if !pair.baseline.completed && pair.candidate.completed { gains += 1 }
    }
}
