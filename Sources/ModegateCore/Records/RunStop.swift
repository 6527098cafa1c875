import Synchronization

/// The one channel a run is stopped through. Whatever cannot go on says why here — the budget,
/// Ctrl-C, a store that cannot be written, the review between batches, an MCP server that cannot
/// be started again — and the first reason wins. The scheduler starts no trial once one is set,
/// and the run's end reads it: its summary's `cancel_reason`, and for a halted server exit 4.
public final class RunStop: Sendable {
    private let state = Mutex<StopReason?>(nil)

    /// No reason yet: the run goes on.
    public init() {}

    /// Asks the run to stop for `reason`; once one is set, later ones are ignored.
    public func stop(_ reason: StopReason) { state.withLock { $0 = $0 ?? reason } }

    /// The first reason given; nil while the run may go on.
    public var reason: StopReason? { state.withLock { $0 } }

    /// The message of a halted MCP server, when that is why the run stops.
    public var serverHalt: String? {
        if case .serverHalted(let message)? = reason { return message }
        return nil
    }
}
