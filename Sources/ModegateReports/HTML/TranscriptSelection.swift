import ModegateCore

/// Which cases the HTML page embeds in full (every trial's tool calls, divergence, answer, score
/// and conversation). A 2 × 10,000-trial run would make a page of hundreds of megabytes if every
/// conversation went in, so the page carries every case's row but full evidence only for up to
/// `limit` cases, the telling ones first: regressions (largest loss first, as `explain` orders
/// them), then cases with errors, gains (largest first), flaky cases (most disagreeing first),
/// differing cases, and then the rest in table order while room is left. The panel of a case
/// left out names its transcript lines instead.
public struct TranscriptSelection: Sendable, Hashable {
    /// Cases embedded in full unless the caller asks otherwise.
    public static let defaultLimit = 100

    /// The most cases embedded in full.
    public var limit: Int
    /// The embedded cases' names (`preset/case`), in the order they were chosen.
    public var cases: [String]
    /// Regressions, error, gain, flaky and differing cases that fell past the limit.
    public var tellingLeftOut: Int
    private var chosenSet: Set<String>

    /// Chooses up to `limit` of `cases`.
    public init(_ cases: [CaseExplanation], limit: Int = defaultLimit) {
        self.limit = limit
        var chosen: [String] = []
        var seen = Set<String>()
        var telling = 0
        for group in Self.priority(cases) {
            for item in group where seen.insert(item.name).inserted {
                telling += 1
                if chosen.count < limit { chosen.append(item.name) }
            }
        }
        tellingLeftOut = telling - chosen.count
        for item in cases where chosen.count < limit && seen.insert(item.name).inserted {
            chosen.append(item.name)
        }
        self.cases = chosen
        chosenSet = Set(chosen)
    }

    /// Whether `name` (`preset/case`) is embedded in full.
    public func contains(_ name: String) -> Bool { chosenSet.contains(name) }

    /// The transcript lines the embedded cases' trials need, for the loader to read.
    public func transcripts(of cases: [CaseExplanation]) -> [TranscriptLocation] {
        cases.filter { contains($0.name) }.flatMap { ($0.baseline + $0.candidate).compactMap(\.transcript) }
    }

    /// The telling cases, most telling group first, each group in its own order.
    static func priority(_ cases: [CaseExplanation]) -> [[CaseExplanation]] {
        let losses = cases.filter(\.isLoss).sorted {
            ($0.rewardDelta, $0.completionDelta, $0.name) < ($1.rewardDelta, $1.completionDelta, $1.name)
        }
        let errors = cases.filter(CaseFilter.errors.matches)
        let gains = cases.filter(\.isGain).sorted {
            (-$0.rewardDelta, -$0.completionDelta, $0.name) < (-$1.rewardDelta, -$1.completionDelta, $1.name)
        }
        let flaky = cases.filter(\.isFlaky).sorted {
            let left = max($0.baselineFlakiness.disagreement, $0.candidateFlakiness.disagreement)
            let right = max($1.baselineFlakiness.disagreement, $1.candidateFlakiness.disagreement)
            return (-left, $0.name) < (-right, $1.name)
        }
        return [losses, errors, gains, flaky, cases.filter(CaseFilter.differing.matches)]
    }
}
