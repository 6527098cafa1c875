/// Where the harness reports progress (the CLI draws it on stderr).
public protocol ProgressSink: Sendable {
    /// The arms to play and how many trials each plans, before the first trial.
    func started(arms: [(name: String, total: Int)])
    /// One more trial of `arm` is recorded: `done` of `total`.
    func finished(arm: String, done: Int, total: Int)
    /// A line worth showing the user while the run goes on.
    func message(_ text: String)
    /// The runs the trials are recorded in exist (their ids), before the first trial.
    func opened(runs: [String])
}

extension ProgressSink {
    /// By default the run ids are not shown.
    public func opened(runs: [String]) {}
}
