/// Two runs restricted to one preset, so the judge's own gate code (point or statistical)
/// computes that preset's gates: the same statistics, with intervals over the preset's cases.
struct PresetSlice: Sendable {
    /// The preset.
    var preset: String
    /// The candidate's trials of the preset, its summary figures recomputed from them.
    var candidate: StoredRun
    /// The baseline's, likewise.
    var baseline: StoredRun
    /// The preset's paired trials.
    var pairing: Pairing

    /// The presets that have paired trials, by name; a preset only one arm played has nothing
    /// to compare (the coverage already warns of it).
    static func presets(of pairing: Pairing) -> [String] {
        Set(pairing.pairs.map(\.candidate.key.preset)).sorted()
    }

    /// `candidate` and `baseline` cut down to `preset`.
    init(preset: String, candidate: StoredRun, baseline: StoredRun) {
        self.preset = preset
        self.candidate = Self.restrict(candidate, to: preset)
        self.baseline = Self.restrict(baseline, to: preset)
        pairing = Pairing(candidate: self.candidate.trials, baseline: self.baseline.trials)
    }

    /// The run's trials of `preset`. Point mode reads a run's summary, which covers every preset,
    /// so the slice's is recomputed over the preset's recorded trials (RLM Code's planned
    /// `total_cases` is not known per preset; the recorded trials stand for it).
    private static func restrict(_ run: StoredRun, to preset: String) -> StoredRun {
        var slice = run
        slice.trials = run.trials.filter { $0.key.preset == preset }
        slice.presets = [preset]
        let count = slice.trials.count
        let completed = slice.trials.reduce(0) { $0 + ($1.completed ? 1 : 0) }
        let divisor = Double(max(count, 1))
        slice.summary = RunMetrics(
            totalCases: count, completedCases: completed, attemptedCases: count,
            avgReward: slice.trials.reduce(0) { $0 + $1.reward } / divisor,
            avgSteps: Double(slice.trials.reduce(0) { $0 + $1.steps }) / divisor)
        return slice
    }
}
