import Synchronization

/// A reason to stop the whole run at once, set by whatever cannot go on (an MCP server that
/// failed to start again several times in a row) and read by the scheduler after every trial.
/// The first reason wins.
public final class RunHalt: Sendable {
    private let state = Mutex<String?>(nil)

    /// No reason yet: the run goes on.
    public init() {}

    /// Asks the run to stop for `reason`; once one is set, later ones are ignored.
    public func stop(_ reason: String) { state.withLock { $0 = $0 ?? reason } }

    /// The first reason given; nil while the run may go on.
    public var reason: String? { state.withLock { $0 } }
}
