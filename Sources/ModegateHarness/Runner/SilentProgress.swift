

/// Reports nothing (tests, benchmarks).
public struct SilentProgress: ProgressSink {
    /// A sink that drops everything.
    public init() {}
    /// Ignored.
    public func started(arms: [(name: String, total: Int)]) {}
    /// Ignored.
    public func finished(arm: String, done: Int, total: Int) {}
    /// Ignored.
    public func message(_ text: String) {}
}
