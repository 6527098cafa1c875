import Foundation

/// One judging request as every command states it: which runs, which criteria, which gates.
/// Resolves the references against the store and returns the verdict.
public struct Comparison: Sendable {
    /// The run judged for promotion.
    public var candidate: RunReference
    /// The run it is compared against.
    public var baseline: RunReference
    /// The promotion criteria.
    public var thresholds: Thresholds
    /// How the judge decides: point or statistical, with its confidence and seed.
    public var settings: JudgementSettings
    /// All gates, or RLM Code's four only.
    public var gateSet: Judge.GateSet

    /// A request as stated; nothing is resolved until `run`.
    public init(
        candidate: RunReference, baseline: RunReference, thresholds: Thresholds, settings: JudgementSettings,
        gateSet: Judge.GateSet = .full
    ) {
        self.candidate = candidate
        self.baseline = baseline
        self.thresholds = thresholds
        self.settings = settings
        self.gateSet = gateSet
    }

    /// Throws `StoreError` when a reference cannot be resolved or a run cannot be read.
    public func run(store: RunStore, workingDirectory: URL) throws -> Verdict {
        let runs = try store.resolvePair(candidate: candidate, baseline: baseline, workingDirectory: workingDirectory)
        let judge = Judge(thresholds: thresholds, settings: settings, gateSet: gateSet)
        return judge.judge(candidate: runs.candidate, baseline: runs.baseline)
    }
}
