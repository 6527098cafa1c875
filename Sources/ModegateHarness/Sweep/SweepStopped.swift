import ModegateCore

/// A shape's run stopped before its workload finished (interrupted, out of budget): the sweep
/// has no complete figures for it and stops there (exit 4); the runs played so far are kept.
public struct SweepStopped: Error, Sendable, CustomStringConvertible {
    /// The shape that did not finish.
    public var shape: SweepShape
    /// Why it stopped.
    public var reason: String
    /// Its runs.
    public var runs: [String]

    /// What happened and where the runs are.
    public var description: String {
        "the sweep stopped at \(shape): \(reason); its runs \(runs.joined(separator: ", ")) keep the finished trials"
    }
}
