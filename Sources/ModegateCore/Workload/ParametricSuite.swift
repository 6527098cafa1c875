/// A suite whose workload has a size: from a sweep shape it writes a whole case (prompt, answer
/// schema, scorer, params and reference program), so every size is stated to the model exactly
/// as the suite's preset states its own sizes. Only presets on such a suite can be swept.
public protocol ParametricSuite: Suite {
    /// The shapes the suite can generate.
    var sweepBounds: SweepBounds { get }
    /// How a shape becomes params, in one line, for the sweep's report.
    var sweepMapping: String { get }
    /// The most tool calls one trial of `shape` makes (a Code Mode program's budget must cover them).
    func sweepToolCalls(_ shape: SweepShape) -> Int
    /// The case of `shape` on the data of `seed`, with id `id`.
    func sweepCase(_ shape: SweepShape, seed: Int, id: String) -> PresetCase
}
