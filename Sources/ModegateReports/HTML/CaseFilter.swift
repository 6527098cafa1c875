import ModegateCore

/// The case table's filters. Each is defined once, here, on `CaseExplanation`; the page gets every
/// case's memberships in its data, so the browser never re-derives them (docs/reports.md, "html").
public enum CaseFilter: String, CaseIterable, Sendable {
    /// Every paired case.
    case all
    /// The candidate lost mean reward or completions over the paired repetitions (`isLoss`, the
    /// cases `modegate explain` lists as losses).
    case regressions
    /// The candidate gained mean reward or completions and lost neither (`isGain`).
    case gains
    /// Some paired repetition's two trials differ in completion or reward, whatever the means do.
    case differing
    /// A trial of either arm ended with an error (its record's `error`).
    case errors
    /// One arm's repetitions disagree with each other (`isFlaky`).
    case flaky

    /// The button's words.
    public var title: String {
        switch self {
        case .all: "All"
        case .regressions: "Regressions"
        case .gains: "Gains"
        case .differing: "Differing"
        case .errors: "Errors"
        case .flaky: "Flaky"
        }
    }

    /// Whether the case belongs under this filter.
    public func matches(_ item: CaseExplanation) -> Bool {
        switch self {
        case .all: true
        case .regressions: item.isLoss
        case .gains: item.isGain
        case .differing: Self.outcomesDiffer(item)
        case .errors: (item.baseline + item.candidate).contains { $0.error != nil }
        case .flaky: item.isFlaky
        }
    }

    private static func outcomesDiffer(_ item: CaseExplanation) -> Bool {
        let baseline = Dictionary(item.baseline.map { ($0.repetition, $0) }, uniquingKeysWith: { _, last in last })
        return item.candidate.contains { trial in
            guard let partner = baseline[trial.repetition] else { return false }
            return trial.completed != partner.completed || abs(trial.reward - partner.reward) > Judge.tolerance
        }
    }
}
