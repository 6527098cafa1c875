/// Where the harness reports progress (the CLI draws it on stderr).
public protocol ProgressSink: Sendable {
    func started(arms: [(name: String, total: Int)])
    func finished(arm: String, done: Int, total: Int)
    func message(_ text: String)
    /// The runs the trials are recorded in exist (their ids), before the first trial.
    func opened(runs: [String])
}

extension ProgressSink {
    public func opened(runs: [String]) {}
}

/// Reports nothing (tests, benchmarks).
public struct SilentProgress: ProgressSink {
    public init() {}
    public func started(arms: [(name: String, total: Int)]) {}
    public func finished(arm: String, done: Int, total: Int) {}
    public func message(_ text: String) {}
}
