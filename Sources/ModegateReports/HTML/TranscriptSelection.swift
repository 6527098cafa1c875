import ModegateCore

/// Which cases the HTML page embeds in full (every trial's tool calls, divergence, answer, score
/// and conversation). A 2 × 10,000-trial run would make a page of hundreds of megabytes if every
/// conversation went in, so the page carries every case's row but full evidence only for up to
/// `limit` cases, the telling ones first: regressions (largest loss first, as `explain` orders
/// them), then cases with errors, gains (largest first), flaky cases (most disagreeing first),
/// differing cases, and then the rest in table order while room is left. Within an embedded case
/// at most `repetitionLimit` repetitions go in full (those whose arms differ or failed first): a
/// case played 233 times would otherwise embed 466 conversations. The panel of a case or a
/// repetition left out names its transcript lines instead.
public struct TranscriptSelection: Sendable, Hashable {
    /// Cases embedded in full unless the caller asks otherwise.
    public static let defaultLimit = 100

    /// Repetitions of one case embedded in full unless the caller asks otherwise.
    public static let defaultRepetitionLimit = 10

    /// The most cases embedded in full.
    public var limit: Int
    /// The most repetitions of an embedded case embedded in full.
    public var repetitionLimit: Int
    /// The embedded cases' names (`preset/case`), in the order they were chosen.
    public var cases: [String]
    /// Regressions, error, gain, flaky and differing cases that fell past the limit.
    public var tellingLeftOut: Int
    private var chosenSet: Set<String>

    /// Chooses up to `limit` of `cases`.
    public init(_ cases: [CaseExplanation], limit: Int = defaultLimit, repetitionLimit: Int = defaultRepetitionLimit) {
        self.limit = limit
        self.repetitionLimit = repetitionLimit
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

    /// The transcript lines the embedded repetitions' trials need, for the loader to read.
    public func transcripts(of cases: [CaseExplanation]) -> [TranscriptLocation] {
        cases.filter { contains($0.name) }.flatMap { item in
            let kept = Set(repetitions(of: item))
            return (item.baseline + item.candidate).filter { kept.contains($0.repetition) }.compactMap(\.transcript)
        }
    }

    /// The repetitions of an embedded case that go in full, ascending: first those whose arms
    /// disagree or that hit an error, then the lowest numbers, up to `repetitionLimit`.
    public func repetitions(of item: CaseExplanation) -> [Int] {
        let baseline = Dictionary(item.baseline.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        let candidate = Dictionary(item.candidate.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        let all = Set(baseline.keys).union(candidate.keys).sorted()
        func telling(_ repetition: Int) -> Bool {
            guard let b = baseline[repetition], let c = candidate[repetition] else { return true }
            return b.completed != c.completed || abs(b.reward - c.reward) > 1e-9 || b.error != nil || c.error != nil
        }
        let ordered = all.filter(telling) + all.filter { !telling($0) }
        return ordered.prefix(repetitionLimit).sorted()
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
