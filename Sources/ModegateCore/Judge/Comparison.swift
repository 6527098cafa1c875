import Foundation

/// One judging request as every command states it: which runs, which criteria, which gates.
/// Resolves the references against the store and returns the verdict.
public struct Comparison: Sendable {
    public var candidate: RunReference
    public var baseline: RunReference
    public var thresholds: Thresholds
    public var settings: JudgementSettings
    public var gateSet: Judge.GateSet

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
