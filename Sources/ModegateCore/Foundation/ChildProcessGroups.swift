#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Every child process group modegate has started and not yet reaped (MCP servers, sandbox
/// workers). Each child leads a group of its own, so a terminal's Ctrl-C reaches modegate alone
/// and modegate decides how its children stop; this list is what it kills when it must exit at
/// once (a second Ctrl-C, or work that did not stop in time).
package enum ChildProcessGroups {
    private static let groups = Mutex<Set<Int32>>([])

    package static func add(_ leader: Int32) { _ = groups.withLock { $0.insert(leader) } }

    package static func remove(_ leader: Int32) { _ = groups.withLock { $0.remove(leader) } }

    /// SIGKILL to every group still listed.
    package static func killAll() {
        for leader in groups.withLock({ $0 }) { kill(-leader, SIGKILL) }
    }
}
